package io.crmbridge.design.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The installer's command line, parsed; {@link #USAGE} and {@link #HELP} say what it accepts. */
public final class InstallerOptions {

    public static final String USAGE = "usage: java -cp Notes.jar" + java.io.File.pathSeparator
            + "crm-bridge-design.jar io.crmbridge.design.install.InstallDesign"
            + " [--server NAME] [--dxl FILE] [--list FILE] [--remove] [--no-sign] [--ask-password] DATABASE...";

    public static final String HELP = USAGE + "\n\n"
            + "Imports the CRM Bridge agents and settings form into Domino databases, or removes them again.\n"
            + "Run it on the Domino server (it uses the server ID) or on a Notes client with an administrator ID.\n\n"
            + "  DATABASE        a mail template (e.g. mail12.ntf) or a mail database (e.g. mail/jdoe.nsf),\n"
            + "                  as a path relative to the data directory; several may be given\n"
            + "  --server NAME   the server holding the databases (default: local, i.e. this server or client)\n"
            + "  --list FILE     also take database paths from FILE, one per line ('#' starts a comment)\n"
            + "  --dxl FILE      import this DXL instead of the one built into this jar\n"
            + "  --remove        remove the CRM Bridge agents and settings form instead of importing them;\n"
            + "                  settings profile documents stay (they hold no secrets)\n"
            + "  --no-sign       leave the imported agents unsigned (sign them later with the Domino Administrator)\n"
            + "  --ask-password  ask for the ID file's password on the console\n"
            + "  --help          show this help\n\n"
            + "Design elements are replaced when they exist (matched by name and alias) and created when not,\n"
            + "then signed with the ID running the installer. Exit status: 0 when every database succeeded,\n"
            + "1 when one or more failed, 2 for a bad command line.\n";

    private final String server;
    private final List<String> databases;
    private final String dxlFile;
    private final boolean remove;
    private final boolean sign;
    private final boolean askPassword;
    private final boolean help;

    private InstallerOptions(String server, List<String> databases, String dxlFile, boolean remove, boolean sign,
            boolean askPassword, boolean help) {
        this.server = server;
        this.databases = databases;
        this.dxlFile = dxlFile;
        this.remove = remove;
        this.sign = sign;
        this.askPassword = askPassword;
        this.help = help;
    }

    /** Parses {@code args}; an IllegalArgumentException carries a message for the user. */
    public static InstallerOptions parse(String[] args) throws IOException {
        String server = "";
        String dxlFile = "";
        List<String> databases = new ArrayList<>();
        boolean remove = false;
        boolean sign = true;
        boolean askPassword = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help":
                case "-h":
                    return new InstallerOptions("", Collections.<String>emptyList(), "", false, true, false, true);
                case "--server":
                    server = value(args, ++i, arg);
                    break;
                case "--dxl":
                    dxlFile = value(args, ++i, arg);
                    break;
                case "--list":
                    databases.addAll(readList(Paths.get(value(args, ++i, arg))));
                    break;
                case "--remove":
                    remove = true;
                    break;
                case "--no-sign":
                    sign = false;
                    break;
                case "--ask-password":
                    askPassword = true;
                    break;
                default:
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    databases.add(arg);
            }
        }
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("name at least one database (a mail template or mail database)");
        }
        return new InstallerOptions(server, Collections.unmodifiableList(databases), dxlFile, remove, sign,
                askPassword, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static List<String> readList(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--list: no such file " + file);
        }
        List<String> paths = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String path = line.contains("#") ? line.substring(0, line.indexOf('#')).trim() : line.trim();
            if (!path.isEmpty()) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** The server name; "" for the local server or client. */
    public String server() {
        return server;
    }

    public List<String> databases() {
        return databases;
    }

    /** The DXL file to import; "" for the DXL built into the jar. */
    public String dxlFile() {
        return dxlFile;
    }

    public boolean remove() {
        return remove;
    }

    public boolean sign() {
        return sign;
    }

    public boolean askPassword() {
        return askPassword;
    }

    public boolean help() {
        return help;
    }
}
