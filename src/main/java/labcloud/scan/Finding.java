package labcloud.scan;

/**
 * A secret found in a file, notebook cell or commit. Holds only the redacted form of the secret.
 *
 * @param path        path relative to the scanned root (or to the repository for history and staged scans)
 * @param line        1-based line in the file (for notebooks: the line of the notebook JSON file)
 * @param cell        notebook cell number (1-based), or null
 * @param cellLine    line within the cell's source or output, or null
 * @param cellOutput  true when found in a cell's output rather than its source
 * @param commit      for history scans: the commit that introduced it, else null
 * @param fingerprint stable id of (rule, path, secret) for baselines and ignore files
 * @param verified    for --verify on key IDs: live, dead or unknown; null when not checked
 */
public record Finding(Rule rule, String path, int line, int column, Integer cell, Integer cellLine, boolean cellOutput,
                      Commit commit, String shown, String fingerprint, String verified) {

    /** Who committed a secret and when. */
    public record Commit(String id, String author, String date) {}

    public Finding withCommit(Commit c) {
        return new Finding(rule, path, line, column, cell, cellLine, cellOutput, c, shown, fingerprint, verified);
    }

    public Finding withVerified(String v) {
        return new Finding(rule, path, line, column, cell, cellLine, cellOutput, commit, shown, fingerprint, v);
    }

    /** path:line, or path cell N line M for notebooks. */
    public String where() {
        if (cell != null) return path + ":" + line + " (cell " + cell + (cellOutput ? " output" : "") + ", line " + cellLine + ")";
        return path + ":" + line;
    }
}
