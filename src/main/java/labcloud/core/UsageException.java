package labcloud.core;

/** Bad usage or bad input (exit 2). The message names the file, line and field where there is one. */
public class UsageException extends LabcloudException {
    public UsageException(String message) {
        super(ExitCode.USAGE, message);
    }

    public UsageException(String message, Throwable cause) {
        super(ExitCode.USAGE, message, cause);
    }
}
