package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Keys that are legal in S3 but have no faithful local path ("a//b", "../x", "/abs",
 * "a/../../x") are refused one by one: the rest of the download completes, the run exits 3 and
 * lists each refused key, nothing is written outside the target, and syncing again (down or
 * back up) neither loops nor duplicates anything.
 */
@ExtendWith(Moto.class)
class OddKeysTest {
    private static final List<String> ODD = List.of("set/a//b.txt", "set/../escape.txt", "set//abs.txt", "set/a/../../up.txt");

    @Test
    void oddKeysAreRefusedPerFileAndTheRestIsDownloaded(TestLab lab) throws Exception {
        lab.aws().s3().createBucket(b -> b.bucket("odd-keys"));
        for (String key : List.of("set/ok1.txt", "set/a/b.txt", "set/z/ok2.txt")) {
            lab.aws().s3().putObject(b -> b.bucket("odd-keys").key(key), RequestBody.fromString("content of " + key));
        }
        for (String key : ODD) lab.aws().s3().putObject(b -> b.bucket("odd-keys").key(key), RequestBody.fromString("odd " + key));
        List<String> stored = new ArrayList<>();
        lab.aws().s3().listObjectsV2Paginator(b -> b.bucket("odd-keys")).contents().forEach(o -> stored.add(o.key()));
        assertThat(stored).as("the store keeps the odd keys as they are").containsAll(ODD);

        Path outside = Files.createDirectories(lab.home().resolve("dl"));
        Path target = outside.resolve("target");
        CliResult r = lab.run("--output", "json", "sync", "s3://odd-keys/set", target.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        JsonNode report = Json.MAPPER.readTree(r.stdout());
        assertThat(report.path("copied").asLong()).as(r.toString()).isEqualTo(3);
        assertThat(r.stderr()).contains("a//b.txt", "../escape.txt", "/abs.txt", "a/../../up.txt");
        assertThat(TransferFixture.tree(target).keySet()).containsExactlyInAnyOrder("ok1.txt", "a/b.txt", "z/ok2.txt");
        assertThat(Files.readString(target.resolve("a/b.txt"))).isEqualTo("content of set/a/b.txt");
        try (var all = Files.walk(outside)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> outside.relativize(p).toString()).toList())
                    .as("nothing written outside the target").allMatch(p -> p.startsWith("target/"));
        }

        // again: the same refusals, nothing copied, nothing else touched
        CliResult again = lab.run("--output", "json", "sync", "s3://odd-keys/set", target.toString());
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
        JsonNode second = Json.MAPPER.readTree(again.stdout());
        assertThat(second.path("copied").asLong()).as(again.toString()).isZero();
        assertThat(second.path("unchanged").asLong()).isEqualTo(3);

        // and back up into the same prefix: nothing new, no duplicate of a//b.txt as a/b.txt
        CliResult up = lab.run("--output", "json", "sync", target.toString(), "s3://odd-keys/set");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(Json.MAPPER.readTree(up.stdout()).path("copied").asLong()).isZero();
        List<String> after = new ArrayList<>();
        lab.aws().s3().listObjectsV2Paginator(b -> b.bucket("odd-keys")).contents().forEach(o -> after.add(o.key()));
        assertThat(after).containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void aSingleObjectNamedDotDotNeedsALocalName(TestLab lab) throws Exception {
        lab.aws().s3().createBucket(b -> b.bucket("odd-one"));
        lab.aws().s3().putObject(b -> b.bucket("odd-one").key("x/.."), RequestBody.fromString("dots"));
        Path dir = Files.createDirectories(lab.home().resolve("one"));
        CliResult r = lab.run("cp", "s3://odd-one/x/..", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        CliResult named = lab.run("cp", "s3://odd-one/x/..", dir.resolve("dots.txt").toString());
        assertThat(named.exitCode()).as(named.toString()).isZero();
        assertThat(Files.readString(dir.resolve("dots.txt"))).isEqualTo("dots");
    }
}
