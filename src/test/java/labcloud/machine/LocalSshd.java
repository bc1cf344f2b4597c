package labcloud.machine;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server (Debian's openssh-server) on a loopback port with its own host key,
 * client key and config, and clients connected to it with or without a terminal.
 */
final class LocalSshd implements AutoCloseable {
    final int port;
    private final Path dir;
    private final Process sshd;
    private final List<Process> clients = new ArrayList<>();

    LocalSshd(Path dir) throws Exception {
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        keygen(dir.resolve("host_key"));
        keygen(dir.resolve("client_key"));
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        Files.setPosixFilePermissions(dir.resolve("authorized_keys"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"),
                "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "StrictModes no", "UsePAM no", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes", "PermitRootLogin prohibit-password", "") );
        // As root, sshd needs its privilege separation directory (systemd makes it on a real system).
        if ("root".equals(System.getProperty("user.name"))) Files.createDirectories(Path.of("/run/sshd"));
        sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try (var sock = new java.net.Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                if (!sshd.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    private static void keygen(Path file) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", file.toString()).start();
        if (p.waitFor() != 0) throw new IllegalStateException("ssh-keygen failed");
    }

    /**
     * Connects a client and returns once the session is up (ssh runs LocalCommand after it connects).
     * @param terminal true for a session with a pty (ssh -tt), false for a tunnel without one (ssh -N)
     */
    Process connect(boolean terminal) throws Exception {
        Path ready = dir.resolve("ready-" + System.nanoTime());
        List<String> cmd = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-i", dir.resolve("client_key").toString(),
                "-p", Integer.toString(port), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "PermitLocalCommand=yes", "-o", "LocalCommand=touch " + ready));
        if (terminal) {
            cmd.addAll(List.of("-tt", "127.0.0.1", "sleep 120"));
        } else {
            cmd.addAll(List.of("-N", "127.0.0.1"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("client-" + System.nanoTime() + ".log").toFile()).start();
        clients.add(p);
        Instant deadline = Instant.now().plusSeconds(20);
        while (!Files.exists(ready)) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) throw new IllegalStateException("ssh client did not connect");
            Thread.sleep(100);
        }
        return p;
    }

    /** Ends the client and waits until the server's end of the connection has left ESTABLISHED. */
    void disconnect(Process client) throws Exception {
        client.destroy();
        client.waitFor(10, TimeUnit.SECONDS);
        Instant deadline = Instant.now().plusSeconds(30);
        while (serverSideEstablished() > 0) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("sshd kept the connection open");
            Thread.sleep(100);
        }
    }

    private int serverSideEstablished() throws IOException {
        int n = 0;
        String hexPort = String.format(":%04X", port);
        for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("01")) n++;
        }
        return n;
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        clients.forEach(Process::destroyForcibly);
        sshd.destroy();
        try {
            sshd.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
