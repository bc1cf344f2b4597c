package labcloud.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The common subset of .gitignore for directories that are not git work trees (inside one,
 * git itself decides): blank lines and comments, {@code name}, {@code *.ext}, {@code dir/},
 * {@code /anchored/path}. Negations ({@code !pattern}) are not supported and are ignored.
 */
final class GitignoreFilter {
    private record Pattern(PathMatcher matcher, boolean anchored, boolean dirOnly) {}

    private final List<Pattern> patterns = new ArrayList<>();

    static GitignoreFilter load(Path root) {
        GitignoreFilter f = new GitignoreFilter();
        Path file = root.resolve(".gitignore");
        if (!Files.isRegularFile(file)) return f;
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) continue;
                boolean dirOnly = line.endsWith("/");
                if (dirOnly) line = line.substring(0, line.length() - 1);
                boolean anchored = line.contains("/");
                if (line.startsWith("/")) line = line.substring(1);
                if (line.isEmpty()) continue;
                f.patterns.add(new Pattern(FileSystems.getDefault().getPathMatcher("glob:" + line), anchored, dirOnly));
            }
        } catch (IOException e) {
            // an unreadable .gitignore ignores nothing
        }
        return f;
    }

    /** Whether a path relative to the root is ignored. */
    boolean ignored(Path relative, boolean directory) {
        for (Pattern p : patterns) {
            if (p.dirOnly && !directory) continue;
            if (p.anchored ? p.matcher.matches(relative) : p.matcher.matches(relative.getFileName())) return true;
        }
        return false;
    }
}
