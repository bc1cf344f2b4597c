package labcloud.core;

/** Authentication or permission failure (exit 4); the message names the missing permission. */
public class AuthException extends LabcloudException {
    public AuthException(String message) {
        super(ExitCode.AUTH, message);
    }

    public AuthException(String message, Throwable cause) {
        super(ExitCode.AUTH, message, cause);
    }
}
