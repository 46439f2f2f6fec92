package io.crmbridge.design.install;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Paths;

import lotus.domino.NotesException;
import lotus.domino.NotesFactory;
import lotus.domino.NotesThread;
import lotus.domino.Session;

/**
 * The installer's entry point: parses the command line, opens a Notes session with the local ID and hands it to
 * {@link DesignInstaller}. {@link InstallerOptions#HELP} documents the arguments.
 */
public final class InstallDesign {

    private InstallDesign() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        InstallerOptions options;
        DesignDxl design;
        try {
            options = InstallerOptions.parse(args);
            if (options.help()) {
                System.out.print(InstallerOptions.HELP);
                return 0;
            }
            design = options.dxlFile().isEmpty() ? DesignDxl.embedded() : DesignDxl.read(Paths.get(options.dxlFile()));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("CRM Bridge ERROR " + e.getMessage());
            System.err.println(InstallerOptions.USAGE);
            return 2;
        }
        NotesThread.sinitThread();
        try {
            Session session = openSession(options);
            try {
                DesignInstaller installer = new DesignInstaller(session, System.out);
                int failed = options.remove()
                        ? installer.remove(options.server(), options.databases(), design)
                        : installer.install(options.server(), options.databases(), design, options.sign());
                return failed == 0 ? 0 : 1;
            } finally {
                session.recycle();
            }
        } catch (NotesException e) {
            System.err.println("CRM Bridge ERROR " + (e.text != null ? e.text : e.getMessage()) + " (" + e.id + ")");
            return 1;
        } finally {
            NotesThread.stermThread();
        }
    }

    private static Session openSession(InstallerOptions options) throws NotesException {
        if (!options.askPassword()) {
            return NotesFactory.createSession();
        }
        Console console = System.console();
        if (console == null) {
            throw new NotesException(0, "--ask-password needs a console");
        }
        char[] password = console.readPassword("Password of the Notes ID: ");
        return NotesFactory.createSession((String) null, (String) null, new String(password));
    }
}
