package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checksums labcloud compares by: multipart ETags and CRC32C of ranges put together. */
class ChecksumsTest {
    private static long crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return c.getValue();
    }

    @Test
    void rangeCrcsCombineIntoTheCrcOfTheWhole() {
        Random r = new Random(42);
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        r.nextBytes(data);
        long whole = crc(data, 0, data.length);
        for (int round = 0; round < 50; round++) {
            int cut = r.nextInt(data.length + 1);
            assertThat(Checksums.crc32cCombine(crc(data, 0, cut), crc(data, cut, data.length - cut), data.length - cut))
                    .as("cut at %d", cut).isEqualTo(whole);
        }
        // many ranges in order, as a ranged download puts them together
        int part = 256 * 1024 + 3;
        long acc = crc(data, 0, part);
        for (int off = part; off < data.length; off += part) {
            int len = Math.min(part, data.length - off);
            acc = Checksums.crc32cCombine(acc, crc(data, off, len), len);
        }
        assertThat(acc).isEqualTo(whole);
        assertThat(Checksums.crc32cCombine(whole, crc(data, 0, 0), 0)).isEqualTo(whole);
    }

    @Test
    void aFileDigestGivesTheMultipartEtagOfItsParts(@TempDir Path dir) throws Exception {
        byte[] data = new byte[2 * 1024 * 1024 + 5];
        new Random(7).nextBytes(data);
        Path f = Files.write(dir.resolve("f"), data);
        Checksums.FileDigest d = Checksums.digest(f, 1024 * 1024);
        var p1 = Checksums.md5().digest(java.util.Arrays.copyOfRange(data, 0, 1024 * 1024));
        var p2 = Checksums.md5().digest(java.util.Arrays.copyOfRange(data, 1024 * 1024, 2 * 1024 * 1024));
        var p3 = Checksums.md5().digest(java.util.Arrays.copyOfRange(data, 2 * 1024 * 1024, data.length));
        assertThat(d.multipartEtag()).isEqualTo(Checksums.multipartEtag(java.util.List.of(p1, p2, p3))).endsWith("-3");
        assertThat(d.md5()).isEqualTo(Checksums.hex(Checksums.md5().digest(data)));
        assertThat(d.crc32c()).isEqualTo(Checksums.crc32cBase64(crc(data, 0, data.length)));
    }
}
