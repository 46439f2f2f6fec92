package io.crmbridge.design.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerOptionsTest {
    @TempDir
    Path dir;

    @Test
    void installsIntoTheNamedDatabasesOnTheLocalServerAndSignsByDefault() throws Exception {
        InstallerOptions options = InstallerOptions.parse(new String[] {"mail12.ntf", "mail/jdoe.nsf"});

        assertThat(options.databases()).containsExactly("mail12.ntf", "mail/jdoe.nsf");
        assertThat(options.server()).isEmpty();
        assertThat(options.dxlFile()).isEmpty();
        assertThat(options.sign()).isTrue();
        assertThat(options.remove()).isFalse();
        assertThat(options.askPassword()).isFalse();
    }

    @Test
    void readsEveryOption() throws Exception {
        InstallerOptions options = InstallerOptions.parse(new String[] {"--server", "CN=Mail01/O=Acme", "--dxl", "x.dxl",
                "--remove", "--no-sign", "--ask-password", "mail/a.nsf"});

        assertThat(options.server()).isEqualTo("CN=Mail01/O=Acme");
        assertThat(options.dxlFile()).isEqualTo("x.dxl");
        assertThat(options.remove()).isTrue();
        assertThat(options.sign()).isFalse();
        assertThat(options.askPassword()).isTrue();
    }

    @Test
    void takesDatabasesFromAListFileSkippingCommentsAndBlankLines() throws Exception {
        Path list = Files.write(dir.resolve("dbs.txt"),
                Arrays.asList("# mail files of the sales team", "mail/a.nsf", "", "  mail/b.nsf  # Bob", "#mail/c.nsf"));

        InstallerOptions options = InstallerOptions.parse(new String[] {"mail/z.nsf", "--list", list.toString()});

        assertThat(options.databases()).containsExactly("mail/z.nsf", "mail/a.nsf", "mail/b.nsf");
    }

    @Test
    void helpNeedsNoDatabase() throws Exception {
        assertThat(InstallerOptions.parse(new String[] {"--help"}).help()).isTrue();
        assertThat(InstallerOptions.HELP).startsWith(InstallerOptions.USAGE).contains("--remove").contains("--list FILE");
    }

    @Test
    void rejectsBadCommandLinesWithAClearMessage() {
        assertThatThrownBy(() -> InstallerOptions.parse(new String[0])).hasMessageContaining("name at least one database");
        assertThatThrownBy(() -> InstallerOptions.parse(new String[] {"--server"})).hasMessage("--server needs a value");
        assertThatThrownBy(() -> InstallerOptions.parse(new String[] {"--force", "a.nsf"})).hasMessage("unknown option --force");
        assertThatThrownBy(() -> InstallerOptions.parse(new String[] {"--list", dir.resolve("none").toString()}))
                .hasMessageContaining("--list: no such file");
    }
}
