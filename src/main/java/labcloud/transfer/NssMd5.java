package labcloud.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;

/**
 * MD5 of large inputs through the system's NSS library (by the JDK's own PKCS#11 provider), when
 * the machine has it, as most Linux desktops do. Transfers run on the JVM's quick compiler, whose
 * code for the JDK's Java MD5 hashes 346 MB/s a core here, NSS 505 MB/s (8 MiB inputs); MD5 was
 * 41% of labcloud's CPU while uploading a 1.1 GiB lab tree. Without NSS, or if it does not load
 * or gives a wrong digest for a known input, the JDK's MD5 is used: the results are the same
 * either way.
 */
final class NssMd5 {
    /** Where Debian, Ubuntu, Fedora and others put libnss3 and its soft token. */
    static final List<String> LIBRARY_DIRECTORIES = List.of(
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib");
    /** Loading NSS takes about 70 ms: it starts with the first large input, which meanwhile uses the JDK's MD5. */
    private static final java.util.concurrent.CompletableFuture<Provider> LOADING =
            java.util.concurrent.CompletableFuture.supplyAsync(NssMd5::load, Thread::startVirtualThread);

    private NssMd5() {}

    /** Waits for NSS to load; true when MD5 goes through it in this run. */
    static boolean awaitInUse() {
        return LOADING.join() != null;
    }

    /** A fresh NSS MD5, or null when NSS is not (or not yet) loaded. */
    static MessageDigest create() {
        Provider p = LOADING.getNow(null);
        if (p == null) return null;
        try {
            return MessageDigest.getInstance("MD5", p);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static Provider load() {
        if ("java".equals(System.getProperty("labcloud.md5"))) return null;
        for (String dir : LIBRARY_DIRECTORIES) {
            if (!Files.isRegularFile(Path.of(dir, "libnss3.so")) || !Files.isRegularFile(Path.of(dir, "libsoftokn3.so"))) continue;
            try {
                Provider base = Security.getProvider("SunPKCS11");
                if (base == null) return null;
                // no key database: only the soft token's digests are used
                Provider p = base.configure("--name=labcloud-nss\nnssLibraryDirectory=" + dir + "\nnssDbMode=noDb\n");
                return agreesWithJava(p) ? p : null;
            } catch (RuntimeException | NoSuchAlgorithmException | LinkageError e) {
                return null; // the JDK's MD5 it is
            }
        }
        return null;
    }

    /** NSS must give the JDK's digest for an input that spans several blocks and a partial one. */
    private static boolean agreesWithJava(Provider p) throws NoSuchAlgorithmException {
        byte[] probe = new byte[100_003];
        for (int i = 0; i < probe.length; i++) probe[i] = (byte) (i * 31 + (i >>> 7));
        return Arrays.equals(MessageDigest.getInstance("MD5", p).digest(probe), MessageDigest.getInstance("MD5").digest(probe));
    }
}
