package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import labcloud.testing.S3Proxy;
import labcloud.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Listings split into ranges at guide keys, against S3Proxy: whatever the boundaries, the result
 * is exactly the plain listing, in the same order.
 */
@ExtendWith(S3Proxy.class)
class S3ListingTest {
    TransferFixture fx;
    Locations locations;
    S3Store store;

    @BeforeEach
    void setUp(S3ProxyServer proxy) throws Exception {
        fx = new TransferFixture(proxy.endpoint(), true);
        locations = new Locations(fx.aws(), new Remotes(fx.env()));
        store = locations.store(TransferUrl.parse(fx.url("")));
    }

    @AfterEach
    void tearDown() {
        locations.close();
        fx.close();
    }

    private void put(List<String> keys) throws Exception {
        try (var pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> done = new ArrayList<>();
            for (String k : keys) {
                done.add(pool.submit(() -> fx.s3().putObject(b -> b.bucket(fx.bucket).key(k), RequestBody.fromString(k))));
            }
            for (Future<?> f : done) f.get();
        }
    }

    private static List<String> keys(Iterator<ObjectEntry> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(e -> out.add(e.key()));
        return out;
    }

    private List<String> ranged(String prefix, String... boundaries) {
        return keys(S3Listing.list(store, fx.bucket, prefix, List.of(boundaries).iterator()));
    }

    @Test
    void rangesGiveExactlyThePlainListingWhateverTheBoundaries() throws Exception {
        String max = SplitPoints.MAX_CHAR;
        put(List.of("p/a.txt", "p/a/b", "p/a/c/d", "p/b", "p/ba", "p/bb/x", "p/b" + max + "x", "p/c", "p/ünï ✓", "p/😀/e",
                "p/zz", "q/outside", "p0"));
        fx.s3().putObject(b -> b.bucket(fx.bucket).key("p/folder/"), RequestBody.empty()); // a "folder" marker
        List<String> plain = keys(S3Listing.list(store, fx.bucket, "p/"));
        assertThat(plain).containsExactly("a.txt", "a/b", "a/c/d", "b", "ba", "bb/x", "b" + max + "x", "c", "zz", "ünï ✓", "😀/e");

        // boundaries that exist remotely, that do not, before the first key and after the last
        assertThat(ranged("p/", "a/b", "b", "bz", "zz")).isEqualTo(plain);
        assertThat(ranged("p/", "0", "a", "a/c", "a/c/d/e", "ba", "c")).isEqualTo(plain);
        assertThat(ranged("p/", "ünï ✓", "😀", "😀/e", "😀/f")).isEqualTo(plain);
        assertThat(ranged("p/", "~")).isEqualTo(plain);
        // split points at the ends of key blocks, the second one before a key that continues it
        assertThat(ranged("p/", "a" + max, "b" + max, "bb" + max, "c" + max)).isEqualTo(plain);
        // a guide that repeats or goes backwards only loses parallelism
        assertThat(ranged("p/", "b", "b", "a", "c")).isEqualTo(plain);
        // the whole bucket, no prefix
        assertThat(ranged("", "p/a", "p/c", "q")).isEqualTo(keys(S3Listing.list(store, fx.bucket, "")));
    }

    @Test
    void aRangeLongerThanOnePageStopsPastItsUpperBound() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1_250; i++) keys.add(String.format("big/k%05d", i));
        put(keys);
        List<String> expected = keys.stream().map(k -> k.substring(4)).toList();
        // (k00010, k01200] spans two pages; the second one runs past the bound
        assertThat(ranged("big/", "k00010", "k01200")).isEqualTo(expected);
        assertThat(ranged("big/", "k01249")).isEqualTo(expected);
        assertThat(ranged("big/")).isEqualTo(expected);
    }

    @Test
    void aListingWithoutAGuideGuessesRangesForNumberedKeysAndStillListsEveryKey() throws Exception {
        List<String> keys = new ArrayList<>(List.of("n/a.txt", "n/f02499x", "n/f09999", "n/zz", "n/f5"));
        for (int i = 0; i < 2_600; i++) keys.add(String.format("n/f%05d", i));
        put(keys);
        List<String> expected = new ArrayList<>();
        fx.s3().listObjectsV2Paginator(b -> b.bucket(fx.bucket).prefix("n/")).contents().forEach(o -> expected.add(o.key().substring(2)));
        assertThat(expected).hasSize(2_605);
        assertThat(keys(S3Listing.list(store, fx.bucket, "n/"))).isEqualTo(expected);
        // keys that are not numbered: one chain of pages
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) words.add("w/" + Integer.toString(i * 7919, 36) + "-x");
        put(words);
        assertThat(keys(S3Listing.list(store, fx.bucket, "w/"))).hasSize(1_100).isSortedAccordingTo(KeyOrder.COMPARATOR);
    }

    @Test
    void aNestedTreeWithoutAGuideIsListedAlongItsFoldersAndGivesExactlyThePlainListing() throws Exception {
        List<String> keys = new ArrayList<>(List.of("t/a.txt", "t/x.txt", "t/x0", "t/x/y/z/deep.bin", "t/x/y/loose", "t/x/1",
                "t/zz", "t/only/one/path/to/a/file", "outside/t/x"));
        // many folders over several levels, names hashed rather than numbered
        for (int i = 0; i < 40; i++) {
            String project = "t/p-" + Integer.toString(i * 7919 % 4001, 36);
            for (int j = 0; j < 3; j++) keys.add(project + "/s-" + Integer.toString(j * 104729 + i, 36) + "/f" + Integer.toString(i * 31 + j, 36));
            keys.add(project + "/readme");
        }
        // a folder with more entries than one delimited page holds: the rest of it is listed after the page
        for (int i = 0; i < 1_030; i++) keys.add("t/wide/" + Integer.toString(i * 7919 + 13, 36) + (i % 97 == 0 ? "/inner" : ".dat"));
        put(keys);
        fx.s3().putObject(b -> b.bucket(fx.bucket).key("t/x/"), RequestBody.empty()); // a "folder" marker
        List<String> expected = new ArrayList<>();
        fx.s3().listObjectsV2Paginator(b -> b.bucket(fx.bucket).prefix("t/")).contents().forEach(o -> expected.add(o.key().substring(2)));
        expected.remove("x/");
        assertThat(expected).hasSize(keys.size() - 1);
        assertThat(keys(S3Listing.list(store, fx.bucket, "t/"))).isEqualTo(expected);
        // a folder, and the whole bucket
        assertThat(keys(S3Listing.list(store, fx.bucket, "t/x/"))).containsExactly("1", "y/loose", "y/z/deep.bin");
        List<String> all = new ArrayList<>();
        fx.s3().listObjectsV2Paginator(b -> b.bucket(fx.bucket)).contents().forEach(o -> all.add(o.key()));
        all.remove("t/x/");
        assertThat(keys(S3Listing.list(store, fx.bucket, ""))).isEqualTo(all);
    }

    @Test
    void syncGuidedByALocalTreeListsEveryRemoteKeyIncludingOnesTheTreeLacks() throws Exception {
        List<String> remote = new ArrayList<>();
        for (int i = 0; i < 2_100; i++) remote.add(String.format("d/f%05d", i * 2)); // even numbers remotely
        put(remote);
        for (int i = 1; i < 4_200; i += 2) fx.write(String.format("local/f%05d", i), "x"); // odd numbers locally
        Side local = Side.local(TransferUrl.parse(fx.work.resolve("local").toString()));
        Side bucket = Side.s3(TransferUrl.parse(fx.url("d")), store);
        assertThat(keys(bucket.list(local))).isEqualTo(remote.stream().map(k -> k.substring(2)).toList());
    }

    /**
     * A bucket prefix listed along a local tree's folders gives exactly the plain listing, whatever
     * the plan's unit: remote files in the tree's folders, remote-only folders (nested, beside and
     * between the tree's, sorting before and after them), a flat folder split in ranges, and names
     * that sort around '/'.
     */
    @Test
    void aListingAlongALocalTreeGivesExactlyThePlainListing() throws Exception {
        List<String> local = new ArrayList<>(List.of("a.txt", "a-b", "a/x", "a/y/z", "a0", "b/c/d/e", "b/c/f", "ünï/✓", "zz"));
        for (int i = 0; i < 30; i++) local.add("flat/" + Integer.toString(i * 7919 + 5, 36));
        for (int i = 0; i < 12; i++) local.add("b/c/" + Integer.toString(i * 104729, 36) + "/leaf");
        for (String k : local) fx.write("tree/" + k, k);
        List<String> remote = new ArrayList<>(local);
        remote.addAll(List.of("a/new.txt", "a/only/deep/er.bin", "a/y/only", "b/0-before", "b/c/zz-only/x", "b/d-only/x",
                "flat/zzz", "flat/0", "flat/sub-only/q", "0-first", "~last/x/y", "ünï/ß", "a.txt0"));
        put(remote.stream().map(k -> "t/" + k).toList());
        put(List.of("t0", "s/outside"));
        fx.s3().putObject(b -> b.bucket(fx.bucket).key("t/a/only/"), RequestBody.empty()); // a "folder" marker
        List<String> plain = keys(S3Listing.list(store, fx.bucket, "t/"));
        assertThat(plain).hasSize(remote.size()).isSortedAccordingTo(KeyOrder.COMPARATOR);
        Path tree = fx.work.resolve("tree");
        for (int limit : List.of(2, 3, 5, 8, 14, 16, 40, 1000)) {
            assertThat(keys(S3Listing.alongTree(store, fx.bucket, "t/", tree, limit))).as("limit " + limit).isEqualTo(plain);
        }
        // the whole bucket, and a tree the bucket lacks entirely
        assertThat(keys(S3Listing.alongTree(store, fx.bucket, "", tree, 3))).isEqualTo(keys(S3Listing.list(store, fx.bucket, "")));
        assertThat(keys(S3Listing.alongTree(store, fx.bucket, "nothing/", tree, 3))).isEmpty();
        assertThat(keys(S3Listing.alongTree(store, fx.bucket, "t/", fx.work.resolve("no-such-dir"), 3))).isEqualTo(plain);
    }

    /** A loopback store that answers every listing with the same page, ignoring start-after. */
    private static com.sun.net.httpserver.HttpServer storeIgnoringStartAfter(boolean truncated) throws Exception {
        var server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            StringBuilder xml = new StringBuilder("<ListBucketResult><IsTruncated>" + truncated + "</IsTruncated>");
            for (String k : List.of("a", "b", "c")) {
                xml.append("<Contents><Key>").append(k).append("</Key><LastModified>2026-11-30T10:00:00Z</LastModified>")
                        .append("<ETag>\"x\"</ETag><Size>1</Size></Contents>");
            }
            byte[] body = xml.append("</ListBucketResult>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static S3Store storeAt(java.net.URI endpoint, labcloud.aws.AwsContext ctx) {
        return new S3Store("stub", ctx, () -> ctx.s3ForTransfers("us-east-1"), ctx.s3ObjectIo("us-east-1"), "us-east-1", false);
    }

    @Test
    void aStoreIgnoringStartAfterCostsTimeNotCorrectness() throws Exception {
        var server = storeIgnoringStartAfter(false);
        java.net.URI endpoint = java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (var ctx = new labcloud.aws.AwsContext(new labcloud.aws.AwsSettings(null, "us-east-1", endpoint, true), fx.env())) {
            assertThat(keys(S3Listing.list(storeAt(endpoint, ctx), "b1", "", List.of("a", "b").iterator())))
                    .containsExactly("a", "b", "c");
        } finally {
            server.stop(0);
        }
        var endless = storeIgnoringStartAfter(true); // truncated, no continuation token, start-after ignored
        endpoint = java.net.URI.create("http://127.0.0.1:" + endless.getAddress().getPort());
        try (var ctx = new labcloud.aws.AwsContext(new labcloud.aws.AwsSettings(null, "us-east-1", endpoint, true), fx.env())) {
            Iterator<ObjectEntry> it = S3Listing.list(storeAt(endpoint, ctx), "b1", "");
            assertThatThrownBy(() -> keys(it)).hasMessageContaining("ignores start-after");
        } finally {
            endless.stop(0);
        }
    }

    @Test
    void aFailingListingSurfacesAtTheReader() {
        Iterator<ObjectEntry> it = S3Listing.list(store, "no-such-bucket-" + fx.bucket, "", List.of("a", "b").iterator());
        assertThatThrownBy(it::hasNext).isInstanceOf(RuntimeException.class);
    }
}
