package labcloud.transfer;

/**
 * Engine knobs.
 *
 * @param files      files in flight at once
 * @param bytes      bytes in flight at once (parts and small files together): the launcher sizes the
 *                   heap of cp and sync from {@link #BYTES_IN_FLIGHT}, so the two change together
 * @param partsPerFile parts of one large file in flight at once
 * @param attempts   attempts per file (on top of the SDK's per-request retries)
 * @param rehash     read every local file to compare it, ignoring checksums remembered from earlier reads
 */
public record TransferSettings(int files, long bytes, int partsPerFile, PartSizer parts, int attempts, boolean dryRun,
                               boolean rehash) {
    /**
     * 128 MiB: sixteen 8 MiB parts, which keep a store on the same machine busy (512 MiB did not
     * move 1 GiB files faster); the launcher gives cp and sync this plus 128 MiB of heap.
     */
    public static final long BYTES_IN_FLIGHT = 128 * PartSizer.MIB;
    /** Heap kept for everything but bytes in flight: listings, the directory being walked, connections. */
    static final long HEAP_RESERVE = 96 * PartSizer.MIB;

    public static TransferSettings defaults() {
        return new TransferSettings(64, BYTES_IN_FLIGHT, 16, PartSizer.defaults(), 3, false, false);
    }

    /**
     * The bytes in flight a heap of {@code maxHeap} bytes allows: the setting, or less when the JVM
     * was given a smaller heap (a larger --part-size under the launcher's heap), never under one part.
     */
    public long bytesWithin(long maxHeap) {
        long room = maxHeap == Long.MAX_VALUE ? bytes : maxHeap - HEAP_RESERVE;
        return Math.max(parts.minPartSize(), Math.min(bytes, room));
    }

    public TransferSettings withDryRun(boolean d) {
        return new TransferSettings(files, bytes, partsPerFile, parts, attempts, d, rehash);
    }

    public TransferSettings withPartSize(long p) {
        return new TransferSettings(files, bytes, partsPerFile, new PartSizer(p), attempts, dryRun, rehash);
    }

    public TransferSettings withPartsPerFile(int n) {
        return new TransferSettings(files, bytes, n, parts, attempts, dryRun, rehash);
    }

    public TransferSettings withFiles(int f) {
        return new TransferSettings(f, bytes, partsPerFile, parts, attempts, dryRun, rehash);
    }

    public TransferSettings withRehash(boolean r) {
        return new TransferSettings(files, bytes, partsPerFile, parts, attempts, dryRun, r);
    }
}
