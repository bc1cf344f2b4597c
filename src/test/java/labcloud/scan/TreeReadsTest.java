package labcloud.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import labcloud.core.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree scan reads each file in as few reads as it can (the head, then the rest, by the size the
 * listing saw): a key in the last bytes of a file must be found whatever the file's size is
 * beside the binary sniff and the read buffer, whether the listing is a walk or git's; a file that
 * is not a regular file (a named pipe, a link to one) is never opened.
 */
class TreeReadsTest {
    @TempDir
    Path dir;

    @Test
    void findsAKeyInTheLastBytesOfFilesOfEverySize() throws Exception {
        Fakes f = new Fakes(11);
        List<String> expected = new ArrayList<>();
        int buffer = 1 << 20;
        int sniff = ContentScanner.BINARY_SNIFF;
        for (int size : new int[] {40, sniff - 1, sniff, sniff + 1, 2 * sniff, buffer - 1, buffer, buffer + 1, 3 * buffer + 7}) {
            String key = "k = '" + f.keyId() + "'\n";
            String filler = "x = 1\n".repeat(size / 6 + 1);
            String text = filler.substring(0, Math.max(0, size - key.length())) + key;
            Files.writeString(dir.resolve("size" + size + ".py"), text);
            expected.add("size" + size + ".py");
        }
        Files.writeString(dir.resolve("empty.txt"), "");
        // a named pipe and a link to it: opened, either would block the scan until a writer came
        assertThat(new ProcessBuilder("mkfifo", dir.resolve("pipe").toString()).inheritIO().start().waitFor()).isZero();
        Files.createSymbolicLink(dir.resolve("pipe-link"), dir.resolve("pipe"));

        for (boolean allFiles : new boolean[] {true, false}) {
            if (!allFiles) { // git's listing: the files' sizes are read when they are scanned
                assertThat(new ProcessBuilder("git", "init", "-q", dir.toString()).inheritIO().start().waitFor()).isZero();
            }
            ScanOptions options = new ScanOptions(allFiles, 10L << 20, 2, java.util.Set.of());
            ScanResult r = assertTimeoutPreemptively(java.time.Duration.ofMinutes(1),
                    () -> new TreeScanner(options).scan(dir, ProgressListener.NONE));
            assertThat(r.findings()).extracting(Finding::path).as("all files: " + allFiles)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(r.skipped()).extracting(Skipped::path).as("all files: " + allFiles).isEmpty();
        }
    }
}
