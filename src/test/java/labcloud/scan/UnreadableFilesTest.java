package labcloud.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import labcloud.core.Json;
import org.junit.jupiter.api.Test;

/**
 * Unreadable, binary and huge files in one tree: each is skipped with a note and the rest is
 * scanned. Runs labcloud as a real process; as root it drops the capabilities that let root
 * read any file (setpriv), so that "permission denied" is real.
 */
class UnreadableFilesTest {
    @Test
    void skipsWithANoteAndNeverCrashes() throws Exception {
        Fakes f = new Fakes(3);
        Path dir = Files.createTempDirectory("labcloud-unreadable-");
        Path locked = Files.writeString(dir.resolve("locked.py"), "k = '" + f.keyId() + "'\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Path lockedDir = Files.createDirectories(dir.resolve("private"));
        Files.writeString(lockedDir.resolve("inside.txt"), "nothing\n");
        Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("---------"));
        Files.write(dir.resolve("model.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 'A', 'K', 'I', 'A'});
        // binary from its first bytes on: a key further in is never read
        byte[] weights = new byte[64 * 1024];
        byte[] hidden = ("k = '" + f.keyId() + "'\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(hidden, 0, weights, 20_000, hidden.length);
        Files.write(dir.resolve("weights.npy"), weights);
        Files.writeString(dir.resolve("huge.csv"), ("row," + f.keyId() + "\n").repeat(60_000));
        Files.writeString(dir.resolve("found.py"), "k = '" + f.keyId() + "'\n");

        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "labcloud.cli.Main", "scan", dir.toString(), "--max-file-size", "1M",
                "--format", "json"));
        Path out = Files.createTempFile("scan-out", ".json");
        Path err = Files.createTempFile("scan-err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isEqualTo(1);
        JsonNode report = Json.MAPPER.readTree(Files.readString(out));
        List<String> skipped = new ArrayList<>();
        report.get("skipped").forEach(s -> skipped.add(s.get("path").asText() + ": " + s.get("reason").asText()));
        assertThat(skipped).anySatisfy(s -> assertThat(s).startsWith("huge.csv: too large"))
                .contains("locked.py: unreadable (permission denied)", "model.bin: binary", "weights.npy: binary",
                        "private: unreadable directory");
        assertThat(report.get("findings")).hasSize(1);
        assertThat(report.get("findings").get(0).get("path").asText()).isEqualTo("found.py");
        assertThat(stderr).contains("note: skipped locked.py: unreadable (permission denied)");
        Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("rwx------"));
    }
}
