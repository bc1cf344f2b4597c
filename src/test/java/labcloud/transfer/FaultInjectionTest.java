package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import labcloud.testing.CliResult;
import labcloud.testing.FaultProxy;
import labcloud.testing.S3Proxy;
import labcloud.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sync up and down through a loopback proxy that resets connections or answers 503 SlowDown for
 * 10% of requests: retries make the result identical to the source, and nothing partial shows.
 */
@ExtendWith(S3Proxy.class)
class FaultInjectionTest {
    @Test
    void tenPercentResetsAnd503sStillGiveAnIdenticalCopy(S3ProxyServer store) throws Exception {
        try (FaultProxy proxy = new FaultProxy(store.endpoint());
             TransferFixture fx = new TransferFixture(proxy.endpoint(), true)) {
            fx.verifyEndpoint = store.endpoint();
            for (int i = 0; i < 120; i++) fx.write("src/d" + (i % 7) + "/f" + i + ".bin", TransferFixture.random(1000 + i * 37, i));
            fx.write("src/large.bin", TransferFixture.random(11 * 1024 * 1024, 99));
            Path src = fx.work.resolve("src");
            proxy.rule(FaultProxy.randomFaults(0.10, 42));

            CliResult up = fx.run("--output", "json", "sync", "--part-size", "5MiB", src.toString(), fx.url("f"));
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(proxy.faults()).isGreaterThan(5);

            Map<String, String> local = TransferFixture.tree(src);
            Map<String, String[]> remote = fx.awsListing("f/");
            assertThat(remote.keySet()).isEqualTo(local.keySet());
            local.forEach((k, md5) -> assertThat(remote.get(k)[1]).as(k).isEqualTo(md5));
            assertThat(fx.awsCli("s3api", "list-multipart-uploads", "--bucket", fx.bucket)).doesNotContain("UploadId");

            int faultsBefore = proxy.faults();
            Path down = fx.work.resolve("down");
            CliResult dl = fx.run("--output", "json", "sync", "--part-size", "5MiB", fx.url("f"), down.toString());
            assertThat(dl.exitCode()).as(dl.toString()).isZero();
            assertThat(proxy.faults()).isGreaterThan(faultsBefore);
            assertThat(TransferFixture.tree(down)).isEqualTo(local);
            try (var files = Files.walk(down)) {
                assertThat(files.filter(p -> p.toString().endsWith(".partial")).toList()).isEmpty();
            }
        }
    }

    @Test
    void aFileThatKeepsFailingIsReportedAndTheRestComplete(S3ProxyServer store) throws Exception {
        try (FaultProxy proxy = new FaultProxy(store.endpoint());
             TransferFixture fx = new TransferFixture(proxy.endpoint(), true)) {
            fx.verifyEndpoint = store.endpoint();
            fx.write("src/ok1.txt", "one");
            fx.write("src/doomed.txt", "never arrives");
            fx.write("src/ok2.txt", "two");
            proxy.rule(r -> r.path().endsWith("/doomed.txt")
                    ? new FaultProxy.Fault.Respond(500, "application/xml", "<Error><Code>InternalError</Code><Message>boom</Message></Error>")
                    : FaultProxy.Fault.NONE);
            CliResult r = fx.run("sync", fx.work.resolve("src").toString(), fx.url("p"));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.stderr()).contains("doomed.txt");
            assertThat(fx.awsListing("p/").keySet()).containsExactlyInAnyOrder("ok1.txt", "ok2.txt");
        }
    }
}
