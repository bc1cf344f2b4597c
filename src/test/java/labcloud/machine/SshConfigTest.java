package labcloud.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed blocks in ~/.ssh/config: the user's text stays byte for byte, and the real ssh client accepts the result. */
class SshConfigTest {
    /** A config with global options first, a Match block, comments, tabs, trailing spaces and no final newline. */
    static final String USERS = "# my settings\nServerAliveInterval 30\nAddKeysToAgent yes\n\n"
            + "Host github.com\n\tUser git   \n\tIdentityFile ~/.ssh/id_github\n\n"
            + "Match host *.cluster.example\n    User alice\n    ProxyJump bastion.example";

    @TempDir
    Path home;

    private static String sshG(Path config, String host) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh", "-G", "-F", config.toString(), host).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void blocksComeAndGoAndEverythingElseStaysByteForByte() throws Exception {
        Path file = home.resolve(".ssh/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, USERS);
        SshConfig c = new SshConfig(file);
        Path key = home.resolve(".ssh/labcloud/lab1.pem");

        c.put("lab1", "54.1.2.3", key);
        c.put("gpu", "54.9.9.9", home.resolve(".ssh/labcloud/gpu.pem"));
        String two = Files.readString(file);
        assertThat(two).startsWith(USERS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        String g = sshG(file, "labcloud-lab1");
        assertThat(g.lines()).contains("hostname 54.1.2.3", "user ec2-user", "identityfile " + key,
                "localforward 8888 [127.0.0.1]:8888", "identitiesonly yes");
        // the user's global option still applies, and their own host is untouched
        assertThat(g.lines()).contains("serveraliveinterval 30");
        assertThat(sshG(file, "github.com").lines()).contains("user git", "hostname github.com");

        // a new address replaces the block in place; the other block and the user's text stay
        c.put("lab1", "3.3.3.3", key);
        String moved = Files.readString(file);
        assertThat(moved).isEqualTo(two.replace("HostName 54.1.2.3", "HostName 3.3.3.3"));
        assertThat(sshG(file, "labcloud-lab1").lines()).contains("hostname 3.3.3.3");

        assertThat(c.remove("gpu")).isTrue();
        assertThat(c.remove("lab1")).isTrue();
        assertThat(c.remove("lab1")).isFalse();
        // the last block is gone: what is left is byte for byte what the user had (the newline
        // labcloud added to end the user's last line is the one change, and ssh reads it the same)
        assertThat(Files.readString(file)).isEqualTo(USERS + "\n");
    }

    @Test
    void aFileEndingWithANewlineIsRestoredExactly() throws Exception {
        Path file = home.resolve(".ssh/config");
        Files.createDirectories(file.getParent());
        String users = "Host *\n    ServerAliveInterval 15\n";
        Files.writeString(file, users);
        SshConfig c = new SshConfig(file);
        c.put("a", "1.2.3.4", home.resolve("k"));
        c.put("b", "1.2.3.5", home.resolve("k"));
        c.remove("a");
        c.remove("b");
        assertThat(Files.readString(file)).isEqualTo(users);
    }

    @Test
    void createsTheFileAndItsDirectoryPrivately() throws Exception {
        Path file = home.resolve(".ssh/config");
        SshConfig c = new SshConfig(file);
        c.put("lab1", "54.1.2.3", home.resolve("k.pem"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(sshG(file, "labcloud-lab1").lines()).contains("hostname 54.1.2.3");
        assertThat(c.identityFile("lab1")).contains(home.resolve("k.pem"));
        assertThat(List.of(Files.readString(file).split("\n"))).first().asString().startsWith("# >>> labcloud machine lab1");
    }
}
