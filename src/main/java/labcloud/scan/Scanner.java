package labcloud.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import labcloud.core.ProgressListener;
import labcloud.core.UsageException;

/** The leak scanner: a working tree, the staged changes, or the whole git history. Never prints. */
public final class Scanner {
    private final ScanOptions options;

    public Scanner(ScanOptions options) {
        this.options = options;
    }

    public ScanResult scanTree(Path path, ProgressListener progress) {
        requireExists(path);
        return new TreeScanner(options).scan(path, progress);
    }

    public ScanResult scanStaged(Path repo) {
        requireExists(repo);
        return new StagedScanner(options).scan(repo);
    }

    public ScanResult scanHistory(Path repo, ProgressListener progress) {
        requireExists(repo);
        return new HistoryScanner(options).scan(repo, progress);
    }

    private static void requireExists(Path p) {
        if (!Files.exists(p)) throw new UsageException("no such file or directory: " + p);
    }
}
