package labcloud.transfer;

/**
 * Engine knobs.
 *
 * @param files      files in flight at once
 * @param bytes      bytes in flight at once (parts and small files together)
 * @param partsPerFile parts of one large file in flight at once
 * @param attempts   attempts per file (on top of the SDK's per-request retries)
 * @param rehash     read every local file to compare it, ignoring checksums remembered from earlier reads
 */
public record TransferSettings(int files, long bytes, int partsPerFile, PartSizer parts, int attempts, boolean dryRun,
                               boolean rehash) {
    public static TransferSettings defaults() {
        return new TransferSettings(64, 512 * PartSizer.MIB, 16, PartSizer.defaults(), 3, false, false);
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
