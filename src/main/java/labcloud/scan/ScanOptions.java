package labcloud.scan;

import java.util.Set;

/**
 * How to scan.
 *
 * @param allFiles    also files that .gitignore excludes
 * @param maxFileSize files (and blobs) larger than this are skipped with a note
 * @param threads     files scanned in parallel
 * @param ignored     fingerprints not to report (from a baseline report and the ignore file)
 */
public record ScanOptions(boolean allFiles, long maxFileSize, int threads, Set<String> ignored) {
    public static final long DEFAULT_MAX_FILE_SIZE = 50L * 1024 * 1024;

    public static ScanOptions defaults() {
        return new ScanOptions(false, DEFAULT_MAX_FILE_SIZE, Runtime.getRuntime().availableProcessors(), Set.of());
    }

    public ScanOptions withIgnored(Set<String> fingerprints) {
        return new ScanOptions(allFiles, maxFileSize, threads, Set.copyOf(fingerprints));
    }

    public ScanOptions withAllFiles(boolean all) {
        return new ScanOptions(all, maxFileSize, threads, ignored);
    }

    public ScanOptions withMaxFileSize(long max) {
        return new ScanOptions(allFiles, max, threads, ignored);
    }
}
