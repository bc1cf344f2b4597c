package labcloud.demo;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;

/**
 * A moto server process on a free loopback port: the local AWS emulator behind `labcloud demo`
 * and the tests. Started with MOTO_EC2_LOAD_DEFAULT_AMIS=false so that regions do not fill up
 * with moto's built-in AMIs and their snapshots.
 */
public final class MotoServer implements AutoCloseable {
    public static final String INSTALL_HINT = "moto_server not found: install it with pip install 'moto[server]' "
            + "(or set MOTO_SERVER to its path)";

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts moto_server and waits until it answers; fails with an install hint if it is missing. */
    public static MotoServer start(Map<String, String> env) {
        String exe = findExecutable(env).orElseThrow(() -> new LabcloudException(ExitCode.FAILED, INSTALL_HINT));
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                Path log = Files.createTempFile("labcloud-moto-", ".log");
                ProcessBuilder pb = new ProcessBuilder(exe, "-H", "127.0.0.1", "-p", String.valueOf(port));
                pb.environment().put("MOTO_EC2_LOAD_DEFAULT_AMIS", "false");
                pb.redirectErrorStream(true).redirectOutput(log.toFile());
                MotoServer server = new MotoServer(pb.start(), port, log);
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
                if (server.awaitReady(Duration.ofSeconds(60))) return server;
                server.stop();
            } catch (IOException e) {
                last = e;
            }
        }
        throw new LabcloudException(ExitCode.FAILED, "moto_server did not start"
                + (last == null ? "" : ": " + last.getMessage()));
    }

    public static MotoServer start() {
        return start(System.getenv());
    }

    public static Optional<String> findExecutableOnPath() {
        return findExecutable(System.getenv());
    }

    static Optional<String> findExecutable(Map<String, String> env) {
        String explicit = env.get("MOTO_SERVER");
        if (explicit != null && new File(explicit).canExecute()) return Optional.of(explicit);
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, "moto_server");
            if (f.canExecute()) return Optional.of(f.getAbsolutePath());
        }
        return Optional.empty();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "no free loopback port: " + e.getMessage());
        }
    }

    private boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) return false;
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 500) return true;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Forgets every resource (moto's POST /moto-api/reset), for test isolation. */
    public void reset() {
        post("/moto-api/reset", "");
    }

    /** POSTs a JSON body to one of moto's own configuration endpoints. */
    public void post(String path, String json) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint().resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new LabcloudException(ExitCode.FAILED, "moto " + path + " answered HTTP " + r.statusCode());
            }
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "moto " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabcloudException(ExitCode.FAILED, "interrupted");
        }
    }

    public Path log() {
        return log;
    }

    private void stop() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
