package labcloud.core;

/**
 * A failure meant for the user: its message is one clear line and it carries the exit code.
 * Messages are redacted when printed, but callers should not put secrets in them to begin with.
 */
public class LabcloudException extends RuntimeException {
    private final int exitCode;

    public LabcloudException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public LabcloudException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
