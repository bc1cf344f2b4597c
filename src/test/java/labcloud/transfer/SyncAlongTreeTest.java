package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import labcloud.testing.CliResult;
import labcloud.testing.FaultProxy;
import labcloud.testing.S3Proxy;
import labcloud.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Syncs whose other side is a nested local tree of more than a page of files, against S3Proxy
 * behind a request-counting proxy: the bucket side is listed along the tree's folders (one
 * delimited listing of the root, one plain listing per project folder), a re-sync with nothing
 * changed copies nothing, and what the tree lacks is still found, in the tree's folders and in
 * folders of its own: downloaded by a download sync, deleted by sync --delete.
 */
@ExtendWith(S3Proxy.class)
class SyncAlongTreeTest {
    private static final List<String> PROJECTS = List.of("proj-glacier", "proj-coral", "proj-soil", "proj-birds");

    /** 4 projects x 5 folders x 56 files = 1,120 files: more than one listing page, so the tree guides the listing. */
    private static Map<String, byte[]> writeTree(TransferFixture fx, String dir) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        for (String p : PROJECTS) {
            for (int s = 0; s < 5; s++) {
                for (int f = 0; f < 56; f++) {
                    String key = p + "/ses-" + Integer.toString(s * 7919 + p.length(), 36) + "/" + Integer.toString(f * 104729 + s, 36) + ".dat";
                    byte[] data = (key + "\n").getBytes(StandardCharsets.UTF_8);
                    files.put(key, data);
                    fx.write(dir + "/" + key, data);
                }
            }
        }
        return files;
    }

    /** The ListObjectsV2 requests seen, each as "prefix" or "prefix|/" (delimited), decoded. */
    private static List<String> listings(List<String> queries) {
        List<String> out = new ArrayList<>();
        for (String q : queries) {
            if (!q.contains("list-type=2")) continue;
            String prefix = "", delimiter = "";
            for (String kv : q.split("&")) {
                String[] p = kv.split("=", 2);
                String v = p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "";
                if (p[0].equals("prefix")) prefix = v;
                if (p[0].equals("delimiter")) delimiter = "|" + v;
            }
            out.add(prefix + delimiter);
        }
        return out;
    }

    @Test
    void aNestedResyncListsAlongTheTreeAndFindsWhatTheTreeLacks(S3ProxyServer store) throws Exception {
        try (FaultProxy counter = new FaultProxy(store.endpoint());
             TransferFixture fx = new TransferFixture(counter.endpoint(), true)) {
            fx.verifyEndpoint = store.endpoint();
            List<String> queries = java.util.Collections.synchronizedList(new ArrayList<>());
            counter.rule(r -> {
                queries.add(r.query() == null ? "" : r.query());
                return FaultProxy.Fault.NONE;
            });
            Map<String, byte[]> files = writeTree(fx, "src");
            Path src = fx.work.resolve("src");
            CliResult up = fx.run("--output", "json", "sync", src.toString(), fx.url("d"));
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(TransferFixture.json(up).path("copied").asLong()).isEqualTo(files.size());

            // the re-sync with nothing changed: no copy, and only the listings the tree's shape calls for
            queries.clear();
            int before = counter.requests();
            CliResult again = fx.run("--output", "json", "sync", src.toString(), fx.url("d"));
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(TransferFixture.json(again).path("copied").asLong()).as(again.toString()).isZero();
            assertThat(TransferFixture.json(again).path("unchanged").asLong()).isEqualTo(files.size());
            List<String> expected = new ArrayList<>(List.of("d/|/"));
            PROJECTS.forEach(p -> expected.add("d/" + p + "/"));
            assertThat(listings(queries)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(counter.requests() - before).isEqualTo(expected.size());

            // what the tree lacks: a file in one of its folders, a folder in one of its folders, a folder of its own
            List<String> extra = List.of("proj-coral/ses-a/added.txt", "proj-soil/extra/deeper/x.bin", "zz-remote-only/a/b.txt",
                    "0-remote-only/c.txt");
            for (String k : extra) fx.s3().putObject(b -> b.bucket(fx.bucket).key("d/" + k), RequestBody.fromString("remote " + k));

            // a download sync into a copy of the tree fetches exactly those
            writeTree(fx, "copy");
            Path copy = fx.work.resolve("copy");
            CliResult down = fx.run("--output", "json", "sync", fx.url("d"), copy.toString());
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(TransferFixture.json(down).path("copied").asLong()).as(down.toString()).isEqualTo(extra.size());
            for (String k : extra) assertThat(Files.readString(copy.resolve(k))).isEqualTo("remote " + k);

            // sync --delete from the tree deletes exactly those
            CliResult delete = fx.run("--output", "json", "sync", "--delete", src.toString(), fx.url("d"));
            assertThat(delete.exitCode()).as(delete.toString()).isZero();
            assertThat(TransferFixture.json(delete).path("deleted").asLong()).as(delete.toString()).isEqualTo(extra.size());
            assertThat(TransferFixture.json(delete).path("copied").asLong()).isZero();
            assertThat(fx.awsListing("d/").keySet()).containsExactlyInAnyOrderElementsOf(files.keySet());
        }
    }
}
