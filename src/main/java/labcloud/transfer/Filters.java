package labcloud.transfer;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import labcloud.core.UsageException;

/**
 * --include/--exclude globs on keys relative to the synced root, applied in order, last match
 * wins (as in the aws CLI); with only --include rules just the matching keys are in (as in rclone),
 * otherwise everything not excluded is. A pattern without
 * '/' also matches the file name in any directory. Keys a filter leaves out are neither copied
 * nor deleted.
 */
public final class Filters {
    private record Rule(boolean include, PathMatcher full, PathMatcher name, String glob) {}

    private final List<Rule> rules = new ArrayList<>();

    public static Filters none() {
        return new Filters();
    }

    public Filters include(String glob) {
        rules.add(rule(true, glob));
        return this;
    }

    public Filters exclude(String glob) {
        rules.add(rule(false, glob));
        return this;
    }

    private static Rule rule(boolean include, String glob) {
        try {
            PathMatcher full = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            PathMatcher name = glob.contains("/") ? null : full;
            return new Rule(include, full, name, glob);
        } catch (IllegalArgumentException e) {
            throw new UsageException((include ? "--include" : "--exclude") + " '" + glob + "': invalid glob (" + e.getMessage() + ")");
        }
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public boolean accepts(String key) {
        boolean in = rules.stream().anyMatch(r -> !r.include) || rules.isEmpty();
        Path p = Path.of(key);
        Path name = p.getFileName();
        for (Rule r : rules) {
            boolean m = r.full.matches(p) || (r.name != null && name != null && r.name.matches(name));
            if (m) in = r.include;
        }
        return in;
    }
}
