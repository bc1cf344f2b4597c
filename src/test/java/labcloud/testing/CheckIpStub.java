package labcloud.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A loopback stand-in for a "what is my IP" service (checkip.amazonaws.com answers with the
 * address and a newline), so that launch tests never leave the machine.
 */
public final class CheckIpStub implements AutoCloseable {
    public static final String ADDRESS = "203.0.113.7";

    private final HttpServer server;

    public CheckIpStub(String body) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    public static CheckIpStub standard() {
        return new CheckIpStub(ADDRESS + "\n");
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The standard stub, started before each test and stopped after it: {@code @RegisterExtension final CheckIpStub.PerTest checkIp}. */
    public static final class PerTest implements org.junit.jupiter.api.extension.BeforeEachCallback,
            org.junit.jupiter.api.extension.AfterEachCallback {
        private CheckIpStub stub;

        @Override
        public void beforeEach(org.junit.jupiter.api.extension.ExtensionContext context) {
            stub = standard();
        }

        @Override
        public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
            stub.close();
        }

        public CheckIpStub stub() {
            return stub;
        }
    }
}
