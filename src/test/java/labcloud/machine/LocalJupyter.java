package labcloud.machine;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Jupyter server (Debian's python3-jupyter-server with python3-ipykernel) on a loopback
 * port with its own token and directories, and kernels driven through its REST and WebSocket API.
 */
final class LocalJupyter implements AutoCloseable {
    final int port;
    final String token = UUID.randomUUID().toString().replace("-", "");
    final Path dir;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    LocalJupyter(Path dir) throws Exception {
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-m", "jupyter_server", "--no-browser",
                "--ServerApp.ip=127.0.0.1", "--ServerApp.port=" + port, "--ServerApp.port_retries=0",
                "--ServerApp.allow_root=True", "--ServerApp.root_dir=" + dir).redirectErrorStream(true).redirectOutput(dir.resolve("jupyter.log").toFile());
        pb.environment().put("JUPYTER_TOKEN", token);
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("JUPYTER_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("JUPYTER_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        process = pb.start();
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            try {
                if (get("/api/status").statusCode() == 200) break;
            } catch (IOException notYet) {
                // starting
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("jupyter server did not start: " + Files.readString(dir.resolve("jupyter.log")));
            }
            Thread.sleep(300);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "token " + token)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a kernel and returns its id once it reports idle. */
    String startKernel() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/kernels"))
                .header("Authorization", "token " + token).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"python3\"}"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException("kernel start: " + r.statusCode() + " " + r.body());
        String id = labcloud.core.Json.MAPPER.readTree(r.body()).get("id").asText();
        // the server learns the kernel's state from its messages once a client connects, as JupyterLab does
        WebSocket ws = connect(id);
        open.add(ws);
        // Minutes on a build machine with a load of 70. The server also misses the kernel's first
        // status messages now and then (its iopub subscription joins after they were sent), and the
        // kernel then stays "starting": ask for kernel_info again, which makes it report busy then idle.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (true) {
            try {
                awaitState(id, "idle", Duration.ofSeconds(10));
                return id;
            } catch (IllegalStateException stillStarting) {
                if (Instant.now().isAfter(deadline)) throw stillStarting;
                send(ws, "kernel_info_request", labcloud.core.Json.MAPPER.createObjectNode());
            }
        }
    }

    /** Shuts every kernel down, so that one test's kernels do not count in the next. */
    void shutdownKernels() throws Exception {
        open.forEach(WebSocket::abort);
        open.clear();
        for (var k : labcloud.core.Json.MAPPER.readTree(get("/api/kernels").body())) {
            http.send(HttpRequest.newBuilder(URI.create(url() + "/api/kernels/" + k.get("id").asText()))
                    .header("Authorization", "token " + token).DELETE().timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    String state(String id) throws Exception {
        return labcloud.core.Json.MAPPER.readTree(get("/api/kernels/" + id).body()).path("execution_state").asText();
    }

    void awaitState(String id, String wanted, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!wanted.equals(state(id))) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("kernel " + id + " not " + wanted + ": " + state(id));
            Thread.sleep(200);
        }
    }

    /** Sends code to the kernel over its WebSocket channel (Jupyter messaging protocol 5.3) and returns at once. */
    private final java.util.List<WebSocket> open = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WebSocket connect(String kernelId) throws Exception {
        return http.newWebSocketBuilder().header("Authorization", "token " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/kernels/" + kernelId + "/channels"),
                        new WebSocket.Listener() {})
                .get(30, TimeUnit.SECONDS);
    }

    WebSocket execute(String kernelId, String code) throws Exception {
        WebSocket ws = connect(kernelId);
        open.add(ws);
        var content = labcloud.core.Json.MAPPER.createObjectNode();
        content.put("code", code);
        content.put("silent", false);
        content.put("store_history", false);
        content.putObject("user_expressions");
        content.put("allow_stdin", false);
        content.put("stop_on_error", true);
        send(ws, "execute_request", content);
        return ws;
    }

    /** One message on the shell channel of a kernel's WebSocket. */
    private static void send(WebSocket ws, String type, com.fasterxml.jackson.databind.node.ObjectNode content) throws Exception {
        var msg = labcloud.core.Json.MAPPER.createObjectNode();
        var header = msg.putObject("header");
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("username", "test");
        header.put("session", UUID.randomUUID().toString());
        header.put("msg_type", type);
        header.put("version", "5.3");
        msg.putObject("parent_header");
        msg.putObject("metadata");
        msg.set("content", content);
        msg.put("channel", "shell");
        msg.putArray("buffers");
        ws.sendText(labcloud.core.Json.MAPPER.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        open.forEach(WebSocket::abort);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
