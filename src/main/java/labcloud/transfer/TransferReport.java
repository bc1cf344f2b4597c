package labcloud.transfer;

import java.util.List;

/**
 * What a transfer did (or, for a dry run, would do).
 *
 * @param planned     the copies and deletes of a dry run, in key order (empty otherwise)
 * @param checksummed local files read to compare them with the other side (the rest of the
 *                    comparisons used checksums remembered from earlier reads, or sizes)
 */
public record TransferReport(long copied, long bytes, long unchanged, long deleted, List<Failure> failures,
                             List<Planned> planned, double seconds, boolean dryRun, long checksummed) {
    public record Failure(String key, String error) {}

    public record Planned(String action, String key, long size, String reason) {}

    public boolean partial() {
        return !failures.isEmpty();
    }
}
