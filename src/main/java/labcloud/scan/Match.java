package labcloud.scan;

/**
 * One secret found in a piece of text, before it is placed in a file, cell or commit.
 *
 * @param line   1-based line in the text that was scanned
 * @param secret the raw value; used for fingerprints and --verify, never printed
 * @param shown  the redacted form that reports print
 */
record Match(Rule rule, int line, int column, String secret, String shown) {
    @Override
    public String toString() {
        return "Match[" + rule.id() + " line " + line + " " + shown + "]";
    }
}
