package labcloud.transfer;

/** How sync decides that a destination file is already the same as its source. */
public enum CompareMode {
    /** Size, then the content checksum (ETag/MD5, or the stored CRC32C). The default. */
    CHECKSUM,
    /** Size only (--size-only). */
    SIZE_ONLY,
    /** Size, and the destination is not older than the source (--mtime). */
    MTIME,
    /** Copy everything (cp --recursive). */
    ALWAYS
}
