package labcloud.aws;

import java.io.IOException;

/**
 * An answer that breaks HTTP/1.1 framing (a bad length, chunk or header, a head without end):
 * an I/O error with one clear line, never a JVM message such as "For input string".
 */
public final class HttpProtocolException extends IOException {
    HttpProtocolException(String message) {
        super("broken HTTP answer: " + message);
    }
}
