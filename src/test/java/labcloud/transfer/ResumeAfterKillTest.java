package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import labcloud.testing.CliResult;
import labcloud.testing.FaultProxy;
import labcloud.testing.S3Proxy;
import labcloud.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real labcloud process is killed (SIGKILL) in the middle of a multipart upload; the next run
 * resumes from the journal. A counting proxy shows that finished parts are not sent again: at most
 * the one part that was in flight is.
 */
@ExtendWith(S3Proxy.class)
class ResumeAfterKillTest {
    static final long PART = 5L * 1024 * 1024;

    @Test
    void killedUploadResumesWithoutResendingFinishedParts(S3ProxyServer store) throws Exception {
        try (FaultProxy proxy = new FaultProxy(store.endpoint());
             TransferFixture fx = new TransferFixture(proxy.endpoint(), true)) {
            fx.verifyEndpoint = store.endpoint();
            int parts = 8;
            Path file = fx.write("big.bin", TransferFixture.random((int) (parts * PART - 1000), 5));
            long size = Files.size(file);
            // slow parts down so that the kill lands in the middle of the upload
            proxy.rule(r -> {
                if (r.query() != null && r.query().contains("partNumber")) sleep(400);
                return FaultProxy.Fault.NONE;
            });
            Path journalDir = fx.home.resolve(".labcloud/transfer/uploads");
            Process p = start(fx, "cp", "--part-size", "5MiB", "--part-concurrency", "1", file.toString(), fx.url("r/big.bin"));
            int journaled = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && p.isAlive()) {
                journaled = journaledParts(journalDir);
                if (journaled >= 3) break;
                Thread.sleep(50);
            }
            assertThat(p.isAlive()).as("the upload should still be running").isTrue();
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            journaled = journaledParts(journalDir);
            long firstRun = proxy.requestBytes();
            assertThat(journaled).isBetween(3, parts - 1);
            assertThat(fx.awsListing("r/")).isEmpty(); // nothing visible yet

            proxy.rule(r -> FaultProxy.Fault.NONE);
            CliResult again = fx.run("--output", "json", "cp", "--part-size", "5MiB", "--part-concurrency", "1", file.toString(), fx.url("r/big.bin"));
            assertThat(again.exitCode()).as(again.toString()).isZero();
            long secondRun = proxy.requestBytes() - firstRun;
            // the second run sends only the parts the journal did not record
            assertThat(secondRun).isLessThanOrEqualTo(size - journaled * PART + 64 * 1024);
            // across both runs, at most one part (the one in flight at the kill) was sent twice
            assertThat(firstRun + secondRun - size).isLessThanOrEqualTo(PART + 64 * 1024);

            assertThat(fx.awsListing("r/").get("big.bin")[1]).isEqualTo(Checksums.digest(file, 0).md5());
            assertThat(fx.awsCli("s3api", "list-multipart-uploads", "--bucket", fx.bucket)).doesNotContain("UploadId");
            assertThat(journaledParts(journalDir)).isZero();
        }
    }

    private static int journaledParts(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return 0;
        int n = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) n += Math.max(0, Files.readAllLines(f).size() - 1);
        }
        return n;
    }

    private static Process start(TransferFixture fx, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "labcloud.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(fx.work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(fx.vars);
        return pb.start();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
