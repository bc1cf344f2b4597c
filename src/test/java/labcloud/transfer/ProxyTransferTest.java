package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import labcloud.testing.CliProcess;
import labcloud.testing.CliResult;
import labcloud.testing.S3Proxy;
import labcloud.testing.S3ProxyServer;
import labcloud.testing.TinyProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Uploads, listings and downloads through a real HTTP proxy (tinyproxy on loopback, with basic
 * authentication) to S3Proxy, as labcloud runs when HTTP_PROXY is set: the proxy's log shows the
 * object data path's requests, NO_PROXY sends them direct again, and the proxy's password is
 * never printed.
 */
@ExtendWith(S3Proxy.class)
class ProxyTransferTest {
    private static final String PASSWORD = "pr0xy-s3cret-pw";

    @Test
    void uploadsListingsAndDownloadsGoThroughTheProxy(S3ProxyServer store) throws Exception {
        try (TinyProxy proxy = TinyProxy.start("labuser", PASSWORD);
             TransferFixture fx = new TransferFixture(store.endpoint(), true)) {
            for (int i = 0; i < 12; i++) fx.write("src/d" + (i % 3) + "/f" + i + ".bin", TransferFixture.random(500 + i * 101, i));
            fx.write("src/big.bin", TransferFixture.random(6 * 1024 * 1024, 5));
            Path src = fx.work.resolve("src");
            Map<String, String> env = new HashMap<>(fx.vars);
            env.put("HTTP_PROXY", "http://labuser:" + PASSWORD + "@127.0.0.1:" + proxy.port());
            int storePort = store.endpoint().getPort();

            CliResult up = CliProcess.run(env, fx.work, "sync", "--part-size", "5MiB", src.toString(), fx.url("p"));
            assertThat(up.exitCode()).as(up.toString()).isZero();
            CliResult ls = CliProcess.run(env, fx.work, "ls", "--recursive", fx.url("p/"));
            assertThat(ls.exitCode()).as(ls.toString()).isZero();
            assertThat(ls.stdout()).contains("f11.bin", "big.bin");
            Path down = fx.work.resolve("down");
            CliResult dl = CliProcess.run(env, fx.work, "sync", "--part-size", "5MiB", fx.url("p"), down.toString());
            assertThat(dl.exitCode()).as(dl.toString()).isZero();
            assertThat(TransferFixture.tree(down)).isEqualTo(TransferFixture.tree(src));

            String log = proxy.log();
            String origin = "http://127.0.0.1:" + storePort + "/" + fx.bucket;
            assertThat(log).as("uploads through the proxy").contains("PUT " + origin + "/p/d0/f0.bin");
            assertThat(log).as("ranged and whole downloads").contains("GET " + origin + "/p/d1/f1.bin", "GET " + origin + "/p/big.bin");
            assertThat(log).as("listings").contains("GET " + origin + "/?").contains("list-type=2");
            for (CliResult r : List.of(up, ls, dl)) assertThat(r.stdout() + r.stderr()).doesNotContain(PASSWORD);

            // NO_PROXY naming the store's address: labcloud's own requests go direct
            env.put("NO_PROXY", "localhost,127.0.0.1");
            int before = proxy.log().length();
            fx.write("src/later.txt", "after NO_PROXY");
            CliResult direct = CliProcess.run(env, fx.work, "sync", src.toString(), fx.url("p"));
            assertThat(direct.exitCode()).as(direct.toString()).isZero();
            assertThat(proxy.log().substring(before)).doesNotContain("later.txt");
            assertThat(fx.awsListing("p/")).containsKey("later.txt");
        }
    }

    @Test
    void aWrongProxyPasswordFailsWithoutPrintingIt(S3ProxyServer store) throws Exception {
        try (TinyProxy proxy = TinyProxy.start("labuser", PASSWORD);
             TransferFixture fx = new TransferFixture(store.endpoint(), true)) {
            fx.write("src/one.txt", "one");
            Map<String, String> env = new HashMap<>(fx.vars);
            env.put("HTTP_PROXY", "http://labuser:wrong-" + PASSWORD + "@127.0.0.1:" + proxy.port());
            env.put("AWS_MAX_ATTEMPTS", "1");
            CliResult r = CliProcess.run(env, fx.work, "sync", fx.work.resolve("src").toString(), fx.url("q"));
            assertThat(r.exitCode()).as(r.toString()).isIn(3, 4, 5);
            assertThat(r.stdout() + r.stderr()).doesNotContain(PASSWORD).doesNotContain("wrong-");
            assertThat(r.stderr()).contains("proxy");
            assertThat(proxy.log()).contains(" http://127.0.0.1:" + store.endpoint().getPort());
        }
    }
}
