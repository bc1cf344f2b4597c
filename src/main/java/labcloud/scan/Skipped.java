package labcloud.scan;

/** A file the scanner did not read, and why (binary, too large, unreadable). Ordered by path. */
public record Skipped(String path, String reason) implements Comparable<Skipped> {
    @Override
    public int compareTo(Skipped other) {
        return path.compareTo(other.path);
    }
}
