package labcloud.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.UsageException;
import labcloud.git.Git;

/**
 * Scans what is about to be committed: the staged (index) version of every added, copied,
 * modified or renamed file, read through {@code git cat-file --batch} as {@code :path}.
 */
final class StagedScanner {
    private final ScanOptions options;
    private final ContentScanner content;

    StagedScanner(ScanOptions options) {
        this.options = options;
        this.content = new ContentScanner(options.maxFileSize());
    }

    ScanResult scan(Path dir) {
        long t0 = System.nanoTime();
        Git git = Git.open(dir).orElseThrow(() -> new UsageException(
                "--staged needs a git repository: " + dir + " is not inside one"));
        Path top = git.top();
        List<String> paths = git.nulSeparated("diff", "--cached", "--name-only", "--diff-filter=ACMRT", "--no-renames", "-z");
        Collector collector = new Collector(options.ignored());
        try (CatFile cat = new CatFile(git)) {
            for (String path : paths) {
                if (path.indexOf('\n') >= 0) {
                    collector.skip(new Skipped(path, "unreadable (newline in the file name)"));
                    continue;
                }
                cat.request(":" + path);
                cat.flush();
                CatFile.Blob blob = cat.read(options.maxFileSize());
                if (blob.bytes() == null) {
                    if (blob.size() >= 0) collector.skip(new Skipped(path, "too large (" + blob.size() + " bytes)"));
                    continue;
                }
                collector.add(content.scan(path, blob.bytes()), blob.bytes().length);
            }
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "reading staged files failed: " + e.getMessage(), e);
        }
        return collector.result(top.toString(), "staged", 0, t0);
    }
}
