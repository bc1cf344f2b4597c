package labcloud.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

/**
 * An S3Proxy process (the jar the build copies to target/tools) on a free loopback port, storing
 * objects in a temporary directory with the filesystem-nio2 backend, with no authentication or
 * checking SigV2/SigV4 signatures against one access key.
 */
public final class S3ProxyServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;

    private S3ProxyServer(Process process, int port, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    public static Path jar() {
        String tools = System.getProperty("labcloud.test.tools", "target/tools");
        Path jar = Path.of(tools, "s3proxy.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn generate-test-resources` (it copies S3Proxy there)");
        }
        return jar;
    }

    public static S3ProxyServer start(Path dataDir) {
        return start(dataDir, null, null);
    }

    /** With an access key and secret, every request must be signed with them. */
    public static S3ProxyServer start(Path dataDir, String accessKey, String secret) {
        try {
            int port = freePort();
            Files.createDirectories(dataDir);
            Path props = Files.createTempFile("s3proxy-", ".properties");
            Files.writeString(props, "s3proxy.endpoint=http://127.0.0.1:" + port + "\n"
                    + (accessKey == null ? "s3proxy.authorization=none\n"
                            : "s3proxy.authorization=aws-v2-or-v4\ns3proxy.identity=" + accessKey
                            + "\ns3proxy.credential=" + secret + "\n")
                    + "jclouds.provider=filesystem-nio2\n"
                    + "jclouds.filesystem.basedir=" + dataDir + "\n");
            Path log = Files.createTempFile("s3proxy-", ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", jar().toString(), "--properties", props.toString());
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            S3ProxyServer s = new S3ProxyServer(pb.start(), port, dataDir, log);
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
            s.awaitReady();
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) break;
            try {
                http.send(HttpRequest.newBuilder(endpoint()).GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        String tail;
        try {
            tail = Files.readString(log);
        } catch (IOException e) {
            tail = "";
        }
        throw new IllegalStateException("S3Proxy did not start: " + tail.substring(Math.max(0, tail.length() - 2000)));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path dataDir() {
        return dataDir;
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try (var walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir
        }
    }
}
