package labcloud.web.view;

/** A query parameter the dashboard cannot use; answered with 400 and this one-line message. */
public final class BadQueryException extends IllegalArgumentException {
    public BadQueryException(String message) {
        super(message);
    }
}
