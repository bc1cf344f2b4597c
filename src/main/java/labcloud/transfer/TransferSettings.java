package labcloud.transfer;

/**
 * Engine knobs.
 *
 * @param files      files in flight at once
 * @param bytes      bytes in flight at once (parts and small files together)
 * @param partsPerFile parts of one large file in flight at once
 * @param attempts   attempts per file (on top of the SDK's per-request retries)
 */
public record TransferSettings(int files, long bytes, int partsPerFile, PartSizer parts, int attempts, boolean dryRun) {
    public static TransferSettings defaults() {
        return new TransferSettings(64, 512 * PartSizer.MIB, 16, PartSizer.defaults(), 3, false);
    }

    public TransferSettings withDryRun(boolean d) {
        return new TransferSettings(files, bytes, partsPerFile, parts, attempts, d);
    }

    public TransferSettings withPartSize(long p) {
        return new TransferSettings(files, bytes, partsPerFile, new PartSizer(p), attempts, dryRun);
    }

    public TransferSettings withPartsPerFile(int n) {
        return new TransferSettings(files, bytes, n, parts, attempts, dryRun);
    }

    public TransferSettings withFiles(int f) {
        return new TransferSettings(f, bytes, partsPerFile, parts, attempts, dryRun);
    }
}
