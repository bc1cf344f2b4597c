package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.FaultProxy;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * s3:// URLs against moto, which behaves like AWS where S3Proxy does not: multipart ETags are
 * the MD5 of the part MD5s, default SDK checksums are accepted, and downloads count as egress.
 */
@ExtendWith(Moto.class)
class MotoTransferTest {
    static JsonNode json(CliResult r) throws Exception {
        return Json.MAPPER.readTree(r.stdout());
    }

    private static Path write(Path p, byte[] content) throws Exception {
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    @Test
    void multipartEtagsLetResyncSkipUnchangedFilesWithoutAnyHead(TestLab lab) throws Exception {
        lab.aws().s3().createBucket(b -> b.bucket("lab-data"));
        Path src = lab.home().resolve("src");
        write(src.resolve("big.bin"), TransferFixture.random(11 * 1024 * 1024, 3));
        write(src.resolve("small/one.txt"), "one".getBytes());
        try (FaultProxy counter = new FaultProxy(lab.moto().endpoint())) {
            lab.vars().put("AWS_ENDPOINT_URL", counter.endpoint().toString());
            CliResult up = lab.run("--output", "json", "sync", "--part-size", "5MiB", src.toString(), "s3://lab-data/set");
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(json(up).path("copied").asLong()).isEqualTo(2);
            String etag = lab.aws().s3().headObject(b -> b.bucket("lab-data").key("set/big.bin")).eTag();
            assertThat(etag).endsWith("-3\"");

            int headsBefore = counter.requests("HEAD");
            CliResult again = lab.run("--output", "json", "sync", "--part-size", "5MiB", src.toString(), "s3://lab-data/set");
            assertThat(json(again).path("copied").asLong()).as(again.toString()).isZero();
            assertThat(json(again).path("unchanged").asLong()).isEqualTo(2);
            assertThat(counter.requests("HEAD")).isEqualTo(headsBefore);

            byte[] edited = Files.readAllBytes(src.resolve("big.bin"));
            edited[7 * 1024 * 1024] ^= 1; // same size, one bit in the second part
            Files.write(src.resolve("big.bin"), edited);
            CliResult changed = lab.run("--output", "json", "sync", "--part-size", "5MiB", src.toString(), "s3://lab-data/set");
            assertThat(json(changed).path("copied").asLong()).isEqualTo(1);

            CliResult server = lab.run("--output", "json", "sync", "s3://lab-data/set", "s3://lab-data/copy");
            assertThat(server.exitCode()).as(server.toString()).isZero();
            assertThat(json(server).path("copied").asLong()).isEqualTo(2);
            assertThat(lab.aws().s3().headObject(b -> b.bucket("lab-data").key("copy/small/one.txt")).eTag())
                    .isEqualTo(lab.aws().s3().headObject(b -> b.bucket("lab-data").key("set/small/one.txt")).eTag());
            CliResult serverAgain = lab.run("--output", "json", "sync", "s3://lab-data/set", "s3://lab-data/copy");
            assertThat(json(serverAgain).path("copied").asLong()).isZero();
        }
    }

    @Test
    void egressGuardRefusesAboveTheThresholdUnlessConfirmed(TestLab lab) throws Exception {
        var s3 = lab.aws().s3();
        s3.createBucket(b -> b.bucket("lab-egress"));
        for (int i = 0; i < 3; i++) {
            int n = i;
            s3.putObject(b -> b.bucket("lab-egress").key("data/f" + n + ".bin"), RequestBody.fromBytes(TransferFixture.random(3000, n)));
        }
        Path dest = lab.home().resolve("dest");
        CliResult refused = lab.run("sync", "--egress-threshold", "5KB", "s3://lab-egress/data", dest.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.stderr()).contains("8.8 KiB", "above the 5 KiB egress threshold", "--confirm-egress");
        assertThat(refused.stderr().lines().count()).isEqualTo(1);
        assertThat(Files.exists(dest)).isFalse();

        CliResult dry = lab.run("sync", "--dry-run", "--egress-threshold", "5KB", "s3://lab-egress/data", dest.toString());
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(Files.exists(dest)).isFalse();

        CliResult confirmed = lab.run("--output", "json", "sync", "--egress-threshold", "5KB", "--confirm-egress",
                "s3://lab-egress/data", dest.toString());
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(json(confirmed).path("egress").path("bytes").asLong()).isEqualTo(9000);
        assertThat(json(confirmed).path("egress").path("estimatedUsd").asDouble()).isZero(); // inside the free allowance
        assertThat(json(confirmed).path("egress").path("pricing").asText()).contains("free allowance");
        try (var files = Files.list(dest)) {
            assertThat(files.count()).isEqualTo(3);
        }

        lab.vars().put("LABCLOUD_EGRESS_THRESHOLD", "1MB");
        s3.putObject(b -> b.bucket("lab-egress").key("data/new.bin"), RequestBody.fromBytes(TransferFixture.random(4000, 9)));
        CliResult under = lab.run("--output", "json", "sync", "s3://lab-egress/data", dest.toString());
        assertThat(under.exitCode()).as(under.toString()).isZero();
        assertThat(json(under).path("egress").path("bytes").asLong()).isEqualTo(4000);
        assertThat(json(under).path("copied").asLong()).isEqualTo(1);
    }

    @Test
    void glacierObjectsAreFlaggedAndTheRestIsDownloaded(TestLab lab) throws Exception {
        // (moto 5.2.1 accepts PutBucketRequestPayment but answers GetBucketRequestPayment with an
        // empty document, so the Requester Pays warning cannot be exercised here)
        var s3 = lab.aws().s3();
        s3.createBucket(b -> b.bucket("lab-archive"));
        s3.putObject(b -> b.bucket("lab-archive").key("a/hot.txt"), RequestBody.fromString("hot"));
        s3.putObject(b -> b.bucket("lab-archive").key("a/cold.txt").storageClass(StorageClass.GLACIER), RequestBody.fromString("cold"));
        Path dest = lab.home().resolve("dest");
        CliResult r = lab.run("sync", "s3://lab-archive/a", dest.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.stderr()).contains("Glacier", "cold.txt");
        assertThat(Files.readString(dest.resolve("hot.txt"))).isEqualTo("hot");
        assertThat(Files.exists(dest.resolve("cold.txt"))).isFalse();
    }

    @Test
    void cleanupListsThenAbortsStaleMultipartUploads(TestLab lab) throws Exception {
        var s3 = lab.aws().s3();
        s3.createBucket(b -> b.bucket("lab-stale"));
        String id = s3.createMultipartUpload(b -> b.bucket("lab-stale").key("half/done.bin")).uploadId();
        CliResult dry = lab.run("--output", "json", "cleanup", "s3://lab-stale", "--older-than", "0s");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.stdout()).contains(id, "half/done.bin");
        assertThat(s3.listMultipartUploads(b -> b.bucket("lab-stale")).uploads()).hasSize(1);

        CliResult applied = lab.run("cleanup", "s3://lab-stale", "--older-than", "0s", "--apply");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.stdout()).contains("aborted");
        assertThat(s3.listMultipartUploads(b -> b.bucket("lab-stale")).uploads()).isEmpty();
        assertThat(Files.readString(lab.home().resolve(".labcloud/audit.log"))).contains("transfer.cleanup");

        CliResult bad = lab.run("cleanup", "s3://lab-stale", "--older-than", "soon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("--older-than");
    }
}
