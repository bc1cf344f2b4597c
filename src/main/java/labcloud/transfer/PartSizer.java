package labcloud.transfer;

/**
 * Chooses multipart part sizes: at least the configured size (8 MiB by default), grown in whole
 * MiB so that no object needs more than 9,000 parts (S3 allows 10,000; the margin keeps sizes
 * round). The choice depends only on the object size, so a sync can recompute the multipart ETag
 * of a local file.
 */
public record PartSizer(long minPartSize) {
    public static final long MIB = 1024 * 1024;
    public static final long DEFAULT_PART = 8 * MIB;
    static final int MAX_PARTS = 9_000;
    /** S3's largest single PUT and single CopyObject. */
    public static final long MAX_SINGLE = 5L * 1024 * MIB;

    public PartSizer {
        if (minPartSize < 5 * MIB) throw new IllegalArgumentException("part size below 5 MiB");
    }

    public static PartSizer defaults() {
        return new PartSizer(DEFAULT_PART);
    }

    public long partSize(long objectSize) {
        long needed = (objectSize + MAX_PARTS - 1) / MAX_PARTS;
        long size = Math.max(minPartSize, (needed + MIB - 1) / MIB * MIB);
        return size;
    }

    /** Objects larger than one part go multipart. */
    public boolean multipart(long objectSize) {
        return objectSize > partSize(objectSize);
    }

    public int parts(long objectSize) {
        long p = partSize(objectSize);
        return (int) Math.max(1, (objectSize + p - 1) / p);
    }
}
