package labcloud.transfer;

import java.time.Instant;

/**
 * One file or object, as a listing sees it.
 *
 * @param key          path relative to the listed root, '/'-separated
 * @param etag         the S3 ETag without quotes (null for local files)
 * @param storageClass the S3 storage class (null for local files)
 */
public record ObjectEntry(String key, long size, Instant modified, String etag, String storageClass) {
    public static ObjectEntry local(String key, long size, Instant modified) {
        return new ObjectEntry(key, size, modified, null, null);
    }

    /** Objects in these classes must be restored before they can be read. */
    public boolean needsRestore() {
        return "GLACIER".equals(storageClass) || "DEEP_ARCHIVE".equals(storageClass);
    }
}
