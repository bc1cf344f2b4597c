package labcloud.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP proxy (Debian's tinyproxy, see scripts/install-test-deps) on a free loopback port
 * with a config file of its own, optionally requiring basic authentication. Its log shows every
 * request it forwarded ("GET http://…") and every tunnel it opened ("CONNECT host:port").
 */
public final class TinyProxy implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private TinyProxy(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts tinyproxy; with a user and password it answers 407 to requests without them. */
    public static TinyProxy start(String user, String password) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("labcloud-tinyproxy-");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        StringBuilder conf = new StringBuilder()
                .append("Port ").append(port).append('\n')
                .append("Listen 127.0.0.1\n")
                .append("Timeout 60\n")
                .append("LogFile \"").append(dir.resolve("tinyproxy.log")).append("\"\n")
                .append("LogLevel Connect\n")
                .append("MaxClients 200\n")
                .append("Allow 127.0.0.1\n")
                .append("DisableViaHeader Yes\n");
        if (user != null) conf.append("BasicAuth ").append(user).append(' ').append(password).append('\n');
        Path file = Files.writeString(dir.resolve("tinyproxy.conf"), conf.toString());
        Process p = new ProcessBuilder(List.of("tinyproxy", "-d", "-c", file.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new TinyProxy(p, dir, port);
            } catch (IOException notYet) {
                if (!p.isAlive()) break;
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("tinyproxy did not start: " + Files.readString(dir.resolve("stdout.txt")));
    }

    public int port() {
        return port;
    }

    /** What tinyproxy has logged so far. */
    public String log() throws IOException {
        Path log = dir.resolve("tinyproxy.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
