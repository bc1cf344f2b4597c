package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import labcloud.testing.TinyProxy;
import org.junit.jupiter.api.Test;

/**
 * https through a real proxy (tinyproxy): the client asks for a CONNECT tunnel and runs TLS end to
 * end through it, checking the server's certificate and name as it does without a proxy.
 */
class ProxyTunnelTest {
    @Test
    void httpsGoesThroughACONNECTTunnelWithTheCertificateChecked() throws Exception {
        Path dir = Files.createTempDirectory("labcloud-tls-");
        Path ks = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit")).redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(out).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", ex -> {
            byte[] body = ("tls answer for " + ex.getRequestURI().getRawPath()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (var os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        int port = server.getAddress().getPort();
        try (TinyProxy proxy = TinyProxy.start(null, null)) {
            ProxySettings settings = ProxySettings.from(
                    n -> n.equals("HTTPS_PROXY") ? Optional.of("http://127.0.0.1:" + proxy.port()) : Optional.empty(), k -> null);
            try (Http1Client http = new Http1Client(Duration.ofSeconds(5), Duration.ofSeconds(10), settings, clientTls.getSocketFactory())) {
                for (String path : List.of("/first", "/second")) {
                    var r = http.send(true, "127.0.0.1", port, "GET", path, Map.of("host", "127.0.0.1:" + port), null, 1000);
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.viaProxy()).isTrue();
                    try (InputStream in = r.body()) {
                        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("tls answer for " + path);
                    }
                }
            }
            assertThat(proxy.log()).contains("CONNECT 127.0.0.1:" + port);
            // the tunnel carries TLS: the proxy never sees the request line inside it
            assertThat(proxy.log()).doesNotContain("/first");
        } finally {
            server.stop(0);
        }
    }
}
