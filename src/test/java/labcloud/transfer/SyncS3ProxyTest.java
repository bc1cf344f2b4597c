package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import labcloud.testing.CliResult;
import labcloud.testing.S3Proxy;
import labcloud.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** cp and sync against S3Proxy, a real S3 server, checked with the aws CLI as an independent client. */
@ExtendWith(S3Proxy.class)
class SyncS3ProxyTest {
    TransferFixture fx;

    @BeforeEach
    void setUp(S3ProxyServer proxy) throws Exception {
        fx = new TransferFixture(proxy.endpoint(), true);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Path sampleTree() throws Exception {
        fx.write("src/a.txt", "alpha");
        fx.write("src/a/b/deep.bin", TransferFixture.random(70_000, 1));
        fx.write("src/empty.dat", new byte[0]);
        fx.write("src/with space/ünïcödé ✓.txt", "unicode and spaces");
        fx.write("src/a-b.txt", "dash sorts before slash");
        return fx.work.resolve("src");
    }

    @Test
    void syncUpThenDownMatchesSourceAndAnIndependentListing() throws Exception {
        Path src = sampleTree();
        CliResult up = fx.run("--output", "json", "sync", src.toString(), fx.url("data"));
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(TransferFixture.json(up).path("copied").asLong()).isEqualTo(5);

        Map<String, String> local = TransferFixture.tree(src);
        Map<String, String[]> remote = fx.awsListing("data/");
        assertThat(remote.keySet()).containsExactlyInAnyOrderElementsOf(local.keySet());
        local.forEach((k, md5) -> assertThat(remote.get(k)[1]).as(k).isEqualTo(md5));

        Path down = fx.work.resolve("down");
        CliResult dl = fx.run("sync", fx.url("data"), down.toString());
        assertThat(dl.exitCode()).as(dl.toString()).isZero();
        assertThat(TransferFixture.tree(down)).isEqualTo(local);
        try (var files = Files.walk(down)) {
            assertThat(files.filter(p -> p.toString().endsWith(".partial")).toList()).isEmpty();
        }
        // each file carries its object's time, as the store lists it
        for (var o : fx.s3().listObjectsV2(b -> b.bucket(fx.bucket).prefix("data/")).contents()) {
            Path file = down.resolve(o.key().substring("data/".length()));
            assertThat(Files.getLastModifiedTime(file).toInstant()).as(o.key()).isEqualTo(o.lastModified());
        }

        CliResult again = fx.run("--output", "json", "sync", src.toString(), fx.url("data"));
        JsonNode j = TransferFixture.json(again);
        assertThat(j.path("copied").asLong()).isZero();
        assertThat(j.path("unchanged").asLong()).isEqualTo(5);
        CliResult againDown = fx.run("--output", "json", "sync", fx.url("data"), down.toString());
        assertThat(TransferFixture.json(againDown).path("copied").asLong()).as(againDown.toString()).isZero();
    }

    @Test
    void aLocalTreeSyncsIntoFoldersThatDoNotExistYet() throws Exception {
        Path src = sampleTree();
        fx.write("src/a/b/c/d/deeper.txt", "five folders down");
        Path dst = fx.work.resolve("copy/of/src");
        CliResult r = fx.run("--output", "json", "sync", src.toString(), dst.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TransferFixture.json(r).path("copied").asLong()).isEqualTo(6);
        assertThat(TransferFixture.tree(dst)).isEqualTo(TransferFixture.tree(src));
    }

    @Test
    void sameSizeEditIsDetectedBothWays() throws Exception {
        Path src = sampleTree();
        assertThat(fx.run("sync", src.toString(), fx.url("d")).exitCode()).isZero();
        Path down = fx.work.resolve("down");
        assertThat(fx.run("sync", fx.url("d"), down.toString()).exitCode()).isZero();

        fx.write("src/a.txt", "ALPHA"); // same size, different bytes
        Files.setLastModifiedTime(src.resolve("a.txt"), Files.getLastModifiedTime(down.resolve("a.txt")));
        CliResult r = fx.run("--output", "json", "sync", src.toString(), fx.url("d"));
        assertThat(TransferFixture.json(r).path("copied").asLong()).as(r.toString()).isEqualTo(1);
        assertThat(fx.awsListing("d/").get("a.txt")[1]).isEqualTo(Checksums.digest(src.resolve("a.txt"), 0).md5());

        CliResult d = fx.run("--output", "json", "sync", fx.url("d"), down.toString());
        assertThat(TransferFixture.json(d).path("copied").asLong()).isEqualTo(1);
        assertThat(Files.readString(down.resolve("a.txt"))).isEqualTo("ALPHA");

        CliResult sizeOnly = fx.run("--output", "json", "sync", "--size-only", src.toString(), fx.url("d"));
        assertThat(TransferFixture.json(sizeOnly).path("copied").asLong()).isZero();
    }

    @Test
    void aReSyncReadsNoUnchangedFileAgainUnlessAskedTo() throws Exception {
        Path src = sampleTree();
        // a multipart upload too: S3Proxy answers it with the whole object's MD5, AWS with the MD5 of the part MD5s
        fx.write("src/big.bin", TransferFixture.random(11 * 1024 * 1024 + 5, 3));
        Thread.sleep(2_100); // checksums of files changed in the last 2 s are not remembered
        assertThat(TransferFixture.json(fx.run("--output", "json", "sync", "--part-size", "5MiB", src.toString(), fx.url("c")))
                .path("copied").asLong()).isEqualTo(6);
        JsonNode again = TransferFixture.json(fx.run("--output", "json", "sync", "--part-size", "5MiB", src.toString(), fx.url("c")));
        assertThat(again.path("unchanged").asLong()).isEqualTo(6);
        assertThat(again.path("checksummed").asLong()).as("the upload remembered every file's checksums").isZero();
        JsonNode rehash = TransferFixture.json(fx.run("--output", "json", "sync", "--part-size", "5MiB", "--rehash", src.toString(), fx.url("c")));
        assertThat(rehash.path("unchanged").asLong()).isEqualTo(6);
        assertThat(rehash.path("checksummed").asLong()).isEqualTo(6);

        // same size, modification time put back: the change time still gives the edit away
        FileTime mtime = Files.getLastModifiedTime(src.resolve("a.txt"));
        fx.write("src/a.txt", "ALPHA");
        Files.setLastModifiedTime(src.resolve("a.txt"), mtime);
        JsonNode edited = TransferFixture.json(fx.run("--output", "json", "sync", src.toString(), fx.url("c")));
        assertThat(edited.path("copied").asLong()).isEqualTo(1);
        assertThat(edited.path("checksummed").asLong()).isEqualTo(1);
        assertThat(fx.awsListing("c/").get("a.txt")[1]).isEqualTo(Checksums.digest(src.resolve("a.txt"), 0).md5());
    }

    @Test
    void deleteHonoursFiltersAndDryRunChangesNothing() throws Exception {
        Path src = sampleTree();
        assertThat(fx.run("sync", src.toString(), fx.url("d")).exitCode()).isZero();
        fx.s3().putObject(b -> b.bucket(fx.bucket).key("d/extra.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        fx.s3().putObject(b -> b.bucket(fx.bucket).key("d/keep.log"), software.amazon.awssdk.core.sync.RequestBody.fromString("y"));
        fx.write("src/new.txt", "new file");

        var before = fx.awsListing("d/");
        CliResult dry = fx.run("--output", "json", "sync", "--delete", "--exclude", "*.log", "--dry-run", src.toString(), fx.url("d"));
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        JsonNode plan = TransferFixture.json(dry);
        assertThat(plan.path("dryRun").asBoolean()).isTrue();
        assertThat(plan.path("plannedBytes").asLong()).isEqualTo("new file".length());
        assertThat(plan.path("planned").toString()).contains("\"delete\"", "extra.txt", "new.txt").doesNotContain("keep.log");
        assertThat(fx.awsListing("d/").keySet()).isEqualTo(before.keySet());

        CliResult r = fx.run("--output", "json", "sync", "--delete", "--exclude", "*.log", src.toString(), fx.url("d"));
        assertThat(TransferFixture.json(r).path("deleted").asLong()).as(r.toString()).isEqualTo(1);
        assertThat(fx.awsListing("d/").keySet()).contains("keep.log", "new.txt").doesNotContain("extra.txt");
    }

    @Test
    void cpSingleFilesAndMultipartRoundTrip() throws Exception {
        byte[] big = TransferFixture.random(12 * 1024 * 1024 + 123, 7);
        Path f = fx.write("big.bin", big);
        CliResult up = fx.run("cp", "--part-size", "5MiB", f.toString(), fx.url("x/"));
        assertThat(up.exitCode()).as(up.toString()).isZero();
        Map<String, String[]> l = fx.awsListing("x/");
        assertThat(l.get("big.bin")[0]).isEqualTo(String.valueOf(big.length));
        // S3Proxy answers a multipart ETag with the MD5 of the whole object; AWS with the MD5 of part MD5s
        String md5 = Checksums.digest(f, 0).md5();
        assertThat(l.get("big.bin")[1]).isIn(md5, Checksums.digest(f, 5 * 1024 * 1024).multipartEtag());
        String head = fx.awsCli("s3api", "head-object", "--bucket", fx.bucket, "--key", "x/big.bin");
        assertThat(head).contains(Checksums.CRC_METADATA);

        Path out = fx.work.resolve("copy.bin");
        CliResult down = fx.run("cp", "--part-size", "5MiB", fx.url("x/big.bin"), out.toString());
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(Checksums.digest(out, 0).md5()).isEqualTo(md5);

        CliResult missing = fx.run("cp", fx.url("x/nope.bin"), out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("no such object");
    }

    @Test
    void lsDuAndRm() throws Exception {
        Path src = sampleTree();
        assertThat(fx.run("sync", src.toString(), fx.url("d")).exitCode()).isZero();
        CliResult ls = fx.run("--output", "json", "ls", fx.url("d/"));
        assertThat(ls.stdout()).contains("d/a/", "d/a.txt", "d/with space/");
        CliResult du = fx.run("--output", "json", "du", fx.url("d"));
        JsonNode u = TransferFixture.json(du);
        assertThat(u.path("objects").asLong()).isEqualTo(5);
        assertThat(u.path("bytes").asLong()).isEqualTo(5 + 70_000 + 0 + "unicode and spaces".getBytes().length + 23);

        CliResult dry = fx.run("rm", "-r", "--include", "*.txt", fx.url("d"));
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.stdout()).contains("would delete");
        assertThat(fx.awsListing("d/")).hasSize(5);
        CliResult rm = fx.run("--output", "json", "rm", "-r", "--include", "*.txt", "--apply", fx.url("d"));
        assertThat(rm.exitCode()).as(rm.toString()).isZero();
        assertThat(fx.awsListing("d/").keySet()).containsExactlyInAnyOrder("a/b/deep.bin", "empty.dat");
        assertThat(Files.readString(fx.home.resolve(".labcloud/audit.log"))).contains("transfer.rm");
    }
}
