package labcloud.scan;

/** A file the scanner did not read, and why (binary, too large, unreadable). */
public record Skipped(String path, String reason) {}
