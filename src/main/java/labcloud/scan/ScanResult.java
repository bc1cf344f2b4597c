package labcloud.scan;

import java.util.List;

/**
 * What a scan found.
 *
 * @param findings what to report, in path/line (or commit) order, without ignored ones
 * @param pairs    key IDs found with their secret, for --verify (never printed)
 * @param skipped  files or blobs not read (binary, too large, unreadable)
 * @param ignored  findings left out because a baseline or the ignore file lists them
 */
public record ScanResult(String target, String mode, List<Finding> findings, List<KeyPair> pairs, List<Skipped> skipped,
                         long files, long bytes, long commits, int ignored, long millis) {

    public boolean clean() {
        return findings.isEmpty();
    }

    public ScanResult withFindings(List<Finding> f) {
        return new ScanResult(target, mode, f, pairs, skipped, files, bytes, commits, ignored, millis);
    }
}
