package labcloud.creds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Editing ~/.aws/credentials: links written through, bytes kept, backups private from the start, rollbacks complete. */
class SharedFileTest {
    private static final String KEY = "AK" + "IATESTFAKE4Q2ZWXYZ";

    @Test
    void aSymlinkedFileIsWrittenThroughAndStaysALink() throws Exception {
        Path home = Files.createTempDirectory("labcloud-home-");
        Path real = Files.createDirectories(home.resolve("dotfiles/aws")).resolve("credentials");
        Files.writeString(real, "[default]\naws_access_key_id = old\n");
        Path link = Files.createDirectories(home.resolve(".aws")).resolve("credentials");
        Files.createSymbolicLink(link, Path.of("../dotfiles/aws/credentials"));

        SharedFile f = SharedFile.load(link);
        f.ini().set("default", "aws_access_key_id", KEY);
        f.save();

        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(Files.readString(real)).isEqualTo("[default]\naws_access_key_id = " + KEY + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-------");
        assertThat(Files.readString(home.resolve(".aws/credentials.bak"))).contains("= old");
        try (var s = Files.list(real.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).as("no temporary file left").containsExactly("credentials");
        }
    }

    @Test
    void bytesThatAreNotUtf8ArePreservedExactly() throws Exception {
        Path file = Files.createTempDirectory("labcloud-aws-").resolve("credentials");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("# caf".getBytes(StandardCharsets.US_ASCII));
        b.write(0xE9); // Latin-1 e-acute: not valid UTF-8
        b.writeBytes("\n[default]\naws_access_key_id = old\n[lab]\nnote = ".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3});
        b.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
        byte[] before = b.toByteArray();
        Files.write(file, before);

        SharedFile f = SharedFile.load(file);
        f.ini().set("default", "aws_access_key_id", KEY);
        f.save();

        byte[] after = Files.readAllBytes(file);
        String expected = new String(before, StandardCharsets.ISO_8859_1).replace("= old", "= " + KEY);
        assertThat(after).isEqualTo(expected.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(Files.readAllBytes(file.resolveSibling("credentials.bak"))).isEqualTo(before);
    }

    @Test
    void theBackupIsNeverReadableByOthers() throws Exception {
        Path file = Files.createTempDirectory("labcloud-aws-").resolve("credentials");
        Path bak = file.resolveSibling("credentials.bak");
        AtomicBoolean stop = new AtomicBoolean();
        List<String> seen = new ArrayList<>();
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                try {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(bak));
                    if (!mode.equals("rw-------")) {
                        synchronized (seen) {
                            seen.add(mode);
                        }
                    }
                } catch (java.io.IOException e) {
                    // not there (yet, or between two saves)
                }
            }
        });
        try {
            for (int i = 0; i < 300; i++) {
                Files.deleteIfExists(bak);
                Files.writeString(file, "[default]\naws_access_key_id = v" + i + "\n");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                SharedFile f = SharedFile.load(file);
                f.ini().set("default", "aws_access_key_id", "w" + i);
                f.save();
            }
        } finally {
            stop.set(true);
            watcher.join();
        }
        assertThat(seen).as("modes the backup had").isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bak))).isEqualTo("rw-------");
    }

    @Test
    void aRollbackLeavesTheUsersOlderBackupAlone() throws Exception {
        Path file = Files.createTempDirectory("labcloud-aws-").resolve("credentials");
        Path bak = file.resolveSibling("credentials.bak");
        Files.writeString(file, "[default]\naws_access_key_id = current\n");
        Files.writeString(bak, "[default]\naws_access_key_id = users-older-backup\n");

        SharedFile f = SharedFile.load(file);
        f.ini().set("default", "aws_access_key_id", KEY).set("default", "aws_secret_access_key", "new-secret-to-roll-back");
        f.save();
        assertThat(Files.readString(bak)).contains("= current");
        f.restore();

        assertThat(Files.readString(file)).isEqualTo("[default]\naws_access_key_id = current\n");
        assertThat(Files.readString(bak)).isEqualTo("[default]\naws_access_key_id = users-older-backup\n");
        assertThat(f.ini().get("default", "aws_access_key_id")).contains("current");

        // Without an earlier backup, the backup is the file as it was: no copy of what was rolled back.
        Files.delete(bak);
        SharedFile g = SharedFile.load(file);
        g.ini().set("default", "aws_secret_access_key", "new-secret-to-roll-back");
        g.save();
        g.restore();
        assertThat(Files.readString(bak)).isEqualTo("[default]\naws_access_key_id = current\n");
        assertThat(Files.readString(file)).doesNotContain("new-secret-to-roll-back");
    }
}
