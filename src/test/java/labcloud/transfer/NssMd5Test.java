package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large inputs are hashed by NSS where the machine has it, with the JDK's results. */
class NssMd5Test {
    private static boolean machineHasNss() {
        return NssMd5.LIBRARY_DIRECTORIES.stream()
                .anyMatch(d -> Files.isRegularFile(Path.of(d, "libnss3.so")) && Files.isRegularFile(Path.of(d, "libsoftokn3.so")));
    }

    @Test
    void nssIsUsedWhereTheMachineHasIt() {
        // the test machine installs NSS with Chromium: a provider that silently fails to load is caught here
        assertThat(NssMd5.awaitInUse()).isEqualTo(machineHasNss());
        MessageDigest large = Checksums.md5(8 << 20);
        assertThat(large.getProvider().getName()).isEqualTo(machineHasNss() ? "SunPKCS11-labcloud-nss" : "SUN");
        assertThat(Checksums.md5(100).getProvider().getName()).as("small inputs stay on the JDK's MD5").isEqualTo("SUN");
    }

    @Test
    void digestsMatchTheJdksForEverySizeAndWayOfFeeding() throws Exception {
        NssMd5.awaitInUse();
        Random r = new Random(7);
        for (int size : new int[] {0, 1, 55, 56, 63, 64, 65, 4095, 100_000, 8 * 1024 * 1024 + 7}) {
            byte[] data = new byte[size];
            r.nextBytes(data);
            byte[] expected = MessageDigest.getInstance("MD5").digest(data);
            assertThat(Checksums.md5(Math.max(size, Checksums.NSS_FROM_BYTES)).digest(data)).as("size %d whole", size).isEqualTo(expected);
            // fed in uneven pieces, as a file or a body streams in
            MessageDigest m = Checksums.md5(Checksums.NSS_FROM_BYTES);
            for (int off = 0; off < size; ) {
                int n = Math.min(size - off, 1 + r.nextInt(70_000));
                m.update(data, off, n);
                off += n;
            }
            assertThat(m.digest()).as("size %d in pieces", size).isEqualTo(expected);
        }
    }

    @Test
    void aFilesDigestIsTheSameThroughEitherMd5(@TempDir Path dir) throws Exception {
        NssMd5.awaitInUse();
        byte[] data = new byte[5 * 1024 * 1024 + 3];
        new Random(9).nextBytes(data);
        Path f = Files.write(dir.resolve("f.bin"), data);
        Checksums.FileDigest d = Checksums.digest(f, 2 * 1024 * 1024);
        assertThat(d.md5()).isEqualTo(Checksums.hex(MessageDigest.getInstance("MD5").digest(data)));
        java.util.List<byte[]> parts = new java.util.ArrayList<>();
        for (int off = 0; off < data.length; off += 2 * 1024 * 1024) {
            MessageDigest p = MessageDigest.getInstance("MD5");
            p.update(data, off, Math.min(2 * 1024 * 1024, data.length - off));
            parts.add(p.digest());
        }
        assertThat(d.multipartEtag()).isEqualTo(Checksums.multipartEtag(parts)).endsWith("-3");
    }
}
