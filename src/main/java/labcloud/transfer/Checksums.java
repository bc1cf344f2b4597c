package labcloud.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The checksums labcloud uses: MD5 (what S3 and most compatible stores return as the ETag of a
 * single-part object, and the per-part integrity check), the multipart ETag (MD5 of the part
 * MD5s, "-N"), and CRC32C of the whole object, stored in the object's metadata at upload.
 */
public final class Checksums {
    /** User metadata key (x-amz-meta-labcloud-crc32c) holding the base64 CRC32C of the whole object. */
    public static final String CRC_METADATA = "labcloud-crc32c";

    private Checksums() {}

    private static final MessageDigest MD5_PROTOTYPE = newMd5();

    /** A fresh MD5, cloned from a prototype: a provider lookup per file showed in 10,000-file profiles (as in SigV4). */
    public static MessageDigest md5() {
        try {
            return (MessageDigest) MD5_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newMd5();
        }
    }

    /** From this many bytes on, NSS's MD5 (when the machine has it) saves more than its per-digest calls cost. */
    static final long NSS_FROM_BYTES = 64 * 1024;

    /** A fresh MD5 for an input of about {@code bytes}: through NSS when it is large and NSS is there ({@link NssMd5}). */
    public static MessageDigest md5(long bytes) {
        MessageDigest nss = bytes >= NSS_FROM_BYTES ? NssMd5.create() : null;
        return nss != null ? nss : md5();
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    public static String crc32cBase64(long value) {
        return base64(ByteBuffer.allocate(4).putInt((int) value).array());
    }

    /** True for an ETag that is a plain MD5 of the content (single-part upload on most stores). */
    public static boolean isPlainMd5(String etag) {
        return etag != null && etag.length() == 32 && etag.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The part count of a multipart ETag ("…-N"), or 0. */
    public static int multipartCount(String etag) {
        if (etag == null) return 0;
        int dash = etag.lastIndexOf('-');
        if (dash != 32 || !isPlainMd5(etag.substring(0, 32))) return 0;
        try {
            return Integer.parseInt(etag.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** ETag S3 gives a multipart object from the MD5 digests of its parts. */
    public static String multipartEtag(List<byte[]> partMd5s) {
        MessageDigest all = md5();
        partMd5s.forEach(all::update);
        return hex(all.digest()) + "-" + partMd5s.size();
    }

    /** MD5 (hex) and, if partSize &gt; 0, the multipart ETag of a local file, in one read. */
    public static FileDigest digest(Path file, long partSize) throws IOException {
        CRC32C crc = new CRC32C();
        java.util.ArrayList<byte[]> parts = new java.util.ArrayList<>();
        long inPart = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest whole = md5(ch.size());
            MessageDigest part = md5(partSize);
            // sized to the file: a sync compares thousands of small files, a 1 MiB buffer each is pure GC work
            ByteBuffer buf = ByteBuffer.allocate((int) Math.max(8192, Math.min(ch.size(), 1 << 20)));
            while (ch.read(buf.clear()) > 0) {
                buf.flip();
                byte[] a = buf.array();
                int off = 0, len = buf.limit();
                whole.update(a, off, len);
                crc.update(a, off, len);
                while (partSize > 0 && len > 0) {
                    int n = (int) Math.min(len, partSize - inPart);
                    part.update(a, off, n);
                    inPart += n;
                    off += n;
                    len -= n;
                    if (inPart == partSize) {
                        parts.add(part.digest());
                        inPart = 0;
                    }
                }
            }
            if (inPart > 0) parts.add(part.digest());
            return new FileDigest(hex(whole.digest()), partSize > 0 && parts.size() > 0 ? multipartEtag(parts) : null,
                    crc32cBase64(crc.getValue()));
        }
    }

    public record FileDigest(String md5, String multipartEtag, String crc32c) {}

    /** CRC32C of a file, base64: one pass with the hardware CRC instruction, no MD5. */
    public static String crc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf.clear()) > 0) crc.update(buf.flip());
        }
        return crc32cBase64(crc.getValue());
    }

    /** Reflected CRC-32C (Castagnoli) polynomial. */
    private static final int CASTAGNOLI = 0x82F63B78;

    /**
     * The CRC32C of A followed by B, from crc(A), crc(B) and B's length, without the bytes: ranges
     * fetched side by side are checked as they stream in, and the whole object's CRC follows from
     * theirs instead of from reading the file again. Appending a byte to A is a linear map on its
     * CRC over GF(2); it is applied lenB times by squaring (the method of zlib's crc32_combine).
     */
    public static long crc32cCombine(long crcA, long crcB, long lenB) {
        if (lenB <= 0) return crcA;
        int[] odd = new int[32], even = new int[32];
        odd[0] = CASTAGNOLI; // the map for one zero bit
        for (int n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
        square(even, odd); // two zero bits
        square(odd, even); // four
        int crc = (int) crcA;
        long len = lenB;
        do {
            square(even, odd); // a zero byte, then 2, 4, ... bytes
            if ((len & 1) != 0) crc = times(even, crc);
            len >>>= 1;
            if (len == 0) break;
            square(odd, even);
            if ((len & 1) != 0) crc = times(odd, crc);
            len >>>= 1;
        } while (len != 0);
        return (crc ^ (int) crcB) & 0xFFFFFFFFL;
    }

    private static int times(int[] matrix, int vector) {
        int sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) sum ^= matrix[i];
        }
        return sum;
    }

    private static void square(int[] result, int[] matrix) {
        for (int n = 0; n < 32; n++) result[n] = times(matrix, matrix[n]);
    }

    /** CRC32C of a stream, base64. */
    public static String crc32c(InputStream in) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) crc.update(buf, 0, n);
        return crc32cBase64(crc.getValue());
    }
}
