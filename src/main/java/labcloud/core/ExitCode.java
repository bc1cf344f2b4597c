package labcloud.core;

/** Process exit codes; the contract is documented in the README. */
public final class ExitCode {
    public static final int OK = 0;
    /** An audit or scan found problems (like gitleaks). */
    public static final int FINDINGS = 1;
    /** Bad usage or bad input: one line on stderr, nothing changed. */
    public static final int USAGE = 2;
    /** Partial result: some region, service or file failed; the rest is reported. */
    public static final int PARTIAL = 3;
    /** Authentication or permission failure. */
    public static final int AUTH = 4;
    /** The operation failed for another reason (network, service error, internal error). */
    public static final int FAILED = 5;

    private ExitCode() {}
}
