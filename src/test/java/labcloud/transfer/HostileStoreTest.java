package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import labcloud.testing.CliProcess;
import labcloud.testing.CliResult;
import labcloud.testing.RawHttpServer;
import labcloud.testing.S3Proxy;
import labcloud.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Downloads from a store that misbehaves on purpose: a loopback server forwards everything to
 * S3Proxy except the requests a test takes over, which it answers with an endless body, a lying
 * length, endless interim answers or header lines, a trickling body, an error body without end,
 * or a listing page without end. labcloud runs as its own process with a small heap: each run
 * ends well within its deadline, with exit 3 naming the file (or 5 for the listing), the other
 * files complete, and nothing partial is left in place.
 */
@ExtendWith(S3Proxy.class)
class HostileStoreTest {
    /** Ample for a few seconds' deadlines and the retries on top; far less than "forever". */
    private static final long MAX_RUN_MILLIS = 90_000;

    private record Run(CliResult result, Path target, long millis) {}

    /** Uploads a.txt, b.txt and c.txt, installs the rule for GETs of b.txt, and downloads the prefix. */
    private Run download(S3ProxyServer store, RawHttpServer.Answer onGetOfB) throws Exception {
        try (RawHttpServer server = new RawHttpServer(store.endpoint());
             TransferFixture fx = new TransferFixture(server.endpoint(), true)) {
            fx.verifyEndpoint = store.endpoint();
            for (String name : List.of("a", "b", "c")) {
                byte[] data = TransferFixture.random(20_000, name.hashCode());
                fx.s3().putObject(p -> p.bucket(fx.bucket).key("d/" + name + ".txt"), software.amazon.awssdk.core.sync.RequestBody.fromBytes(data));
            }
            server.rule(r -> r.method().equals("GET") && r.path().endsWith("/d/b.txt") ? onGetOfB : null);
            return runCli(fx, fx.url("d/"));
        }
    }

    private static Run runCli(TransferFixture fx, String from) throws Exception {
        Map<String, String> env = new HashMap<>(fx.vars);
        env.put("LABCLOUD_READ_TIMEOUT", "1");
        env.put("AWS_MAX_ATTEMPTS", "1");
        Path target = fx.work.resolve("down");
        long t0 = System.nanoTime();
        CliResult r = CliProcess.run(List.of("-Xmx64m", "-XX:+UseSerialGC"), env, fx.work, "sync", from, target.toString());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        // copy what the target holds before the fixture deletes it
        Path kept = Files.createTempDirectory("labcloud-hostile-");
        if (Files.exists(target)) {
            try (var files = Files.list(target)) {
                for (Path p : files.toList()) Files.copy(p, kept.resolve(p.getFileName()));
            }
        }
        return new Run(r, kept, millis);
    }

    private static void assertOnlyBFailed(Run run) throws Exception {
        CliResult r = run.result();
        assertThat(run.millis()).as(r.toString()).isLessThan(MAX_RUN_MILLIS);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.stderr()).as(r.toString()).contains("b.txt").doesNotContain("Exception", "\tat ");
        try (var files = Files.list(run.target())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("a.txt", "c.txt");
        }
    }

    @Test
    void aBodyWithoutLengthAndWithoutEndFailsThatFileAndStaysWithinTheHeap(S3ProxyServer store) throws Exception {
        Map<String, String> ifMatch = new ConcurrentHashMap<>();
        Run run = download(store, (req, out) -> {
            if (req.headers().containsKey("if-match")) ifMatch.put("b", req.headers().get("if-match"));
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nETag: \"x\"\r\nConnection: close\r\n\r\n");
            RawHttpServer.endless(out, 0);
            return false;
        });
        assertOnlyBFailed(run);
        assertThat(ifMatch).as("a whole-object GET names the listed ETag").containsKey("b");
    }

    @Test
    void aLengthLongerThanTheListedSizeFailsThatFile(S3ProxyServer store) throws Exception {
        assertOnlyBFailed(download(store, (req, out) -> {
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2000000000\r\n\r\n");
            RawHttpServer.endless(out, 0);
            return false;
        }));
    }

    /**
     * The right length and the object's own ETag, but one byte changed: the body is written to the
     * .partial file as it streams in, and the checksum at its end fails the file; nothing of it is
     * left under the target's name or as a .partial file.
     */
    @Test
    void aBodyThatIsNotTheObjectFailsThatFileAndLeavesNothingBehind(S3ProxyServer store) throws Exception {
        byte[] real = TransferFixture.random(20_000, "b".hashCode());
        String etag = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(real));
        byte[] forged = real.clone();
        forged[12_345] ^= 1;
        assertOnlyBFailed(download(store, (req, out) -> {
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + forged.length + "\r\nETag: \"" + etag
                    + "\"\r\nConnection: close\r\n\r\n");
            out.write(forged);
            out.flush();
            return false;
        }));
    }

    @Test
    void endlessInterimAnswersEnd(S3ProxyServer store) throws Exception {
        assertOnlyBFailed(download(store, (req, out) -> {
            for (int i = 0; i < 1_000_000; i++) RawHttpServer.write(out, "HTTP/1.1 100 Continue\r\n\r\n");
            return false;
        }));
    }

    @Test
    void endlessHeaderLinesEnd(S3ProxyServer store) throws Exception {
        assertOnlyBFailed(download(store, (req, out) -> {
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 10_000_000; i++) RawHttpServer.write(out, "X-Filler-" + i + ": " + "y".repeat(100) + "\r\n");
            return false;
        }));
    }

    @Test
    void aTricklingBodyMeetsTheAttemptDeadline(S3ProxyServer store) throws Exception {
        assertOnlyBFailed(download(store, (req, out) -> {
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 20000\r\n\r\n");
            RawHttpServer.endless(out, 300); // a byte every 300 ms: the 1 s read timeout alone never fires
            return false;
        }));
    }

    @Test
    void anErrorBodyWithoutEndIsNotWaitedFor(S3ProxyServer store) throws Exception {
        assertOnlyBFailed(download(store, (req, out) -> {
            RawHttpServer.write(out, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/xml\r\n\r\n"
                    + "<Error><Code>InternalError</Code><Message>boom</Message></Error>");
            RawHttpServer.endless(out, 0);
            return false;
        }));
    }

    @Test
    void aListingPageWithoutEndFailsTheRunWithOneLine(S3ProxyServer store) throws Exception {
        try (RawHttpServer server = new RawHttpServer(store.endpoint());
             TransferFixture fx = new TransferFixture(server.endpoint(), true)) {
            fx.verifyEndpoint = store.endpoint();
            fx.s3().putObject(p -> p.bucket(fx.bucket).key("d/a.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("a"));
            server.rule(r -> r.method().equals("GET") && r.query().contains("list-type=2") ? (req, out) -> {
                RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nConnection: close\r\n\r\n"
                        + "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><IsTruncated>false</IsTruncated>");
                for (int i = 0; i < 100_000_000; i++) {
                    RawHttpServer.write(out, "<Contents><Key>d/k" + i + "</Key><Size>1</Size><ETag>\"e\"</ETag></Contents>");
                }
                return false;
            } : null);
            Run run = runCli(fx, fx.url("d/"));
            CliResult r = run.result();
            assertThat(run.millis()).as(r.toString()).isLessThan(MAX_RUN_MILLIS);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
            // the JVM's own warnings about the SQLite library's native access are not labcloud's output
            assertThat(r.stderr().strip().lines().filter(l -> !l.startsWith("WARNING: ") && !l.isBlank()).count())
                    .as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).doesNotContain("Exception", "\tat ");
        }
    }

    /**
     * A fresh download of a nested tree first asks for '/'-delimited listings (FolderScan). A store
     * whose delimited answers lie (keys below the folder, as if it ignored the delimiter, or a
     * folder outside the prefix asked for) must not change what is downloaded: the plain listing
     * serves, every file arrives whole, and nothing else is written.
     */
    @Test
    void delimitedListingsThatLieFallBackToThePlainListing(S3ProxyServer store) throws Exception {
        List<String> lies = List.of(
                "<Contents><Key>d/p1/deeper/x.txt</Key><Size>3</Size><ETag>\"e\"</ETag></Contents>",
                "<CommonPrefixes><Prefix>elsewhere/</Prefix></CommonPrefixes>");
        for (String lie : lies) {
            try (RawHttpServer server = new RawHttpServer(store.endpoint());
                 TransferFixture fx = new TransferFixture(server.endpoint(), true)) {
                fx.verifyEndpoint = store.endpoint();
                Map<String, byte[]> files = new java.util.TreeMap<>();
                for (String key : List.of("p1/a.txt", "p2/sub/b.txt", "c.txt")) {
                    byte[] data = TransferFixture.random(5_000, key.hashCode());
                    files.put(key, data);
                    fx.s3().putObject(p -> p.bucket(fx.bucket).key("d/" + key), software.amazon.awssdk.core.sync.RequestBody.fromBytes(data));
                }
                answerDelimitedListingsWith(server, lie);
                Map<String, String> env = new HashMap<>(fx.vars);
                Path target = fx.work.resolve("down");
                CliResult r = CliProcess.run(env, fx.work, "sync", fx.url("d/"), target.toString());
                assertThat(server.taken()).as("the delimited listing was asked for").isPositive();
                assertThat(r.exitCode()).as(lie + "\n" + r).isZero();
                try (var walk = Files.walk(target)) {
                    assertThat(walk.filter(Files::isRegularFile).map(f -> target.relativize(f).toString()).sorted().toList())
                            .as(lie).containsExactlyElementsOf(files.keySet());
                }
                for (var f : files.entrySet()) assertThat(Files.readAllBytes(target.resolve(f.getKey()))).isEqualTo(f.getValue());
            }
        }
    }

    /** Every '/'-delimited listing the server is asked for gets one page holding only {@code lie}; other requests pass through. */
    private static void answerDelimitedListingsWith(RawHttpServer server, String lie) {
        server.rule(r -> r.method().equals("GET") && r.query().contains("delimiter=") ? (req, out) -> {
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nConnection: close\r\n\r\n"
                    + "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><IsTruncated>false</IsTruncated>"
                    + lie + "</ListBucketResult>");
            return false;
        } : null);
    }

    /**
     * A sync's bucket side is listed along the local tree's folders, with '/'-delimited listings
     * of some of them (TreeGuide). A store whose delimited answers lie (a key below a sub-folder,
     * a sub-folder outside the folder asked for, one more than a level below it) must not
     * change what is listed: the folder's part is listed plainly instead, and the listing is
     * exactly the one the store gives without a delimiter.
     */
    @Test
    void delimitedListingsThatLieDoNotChangeAListingAlongALocalTree(S3ProxyServer store) throws Exception {
        List<String> lies = List.of(
                "<Contents><Key>d/p1/sub/x.txt</Key><Size>3</Size><ETag>\"e\"</ETag></Contents>",
                "<CommonPrefixes><Prefix>elsewhere/</Prefix></CommonPrefixes>",
                "<CommonPrefixes><Prefix>d/p1/a/b/</Prefix></CommonPrefixes>");
        for (String lie : lies) {
            try (RawHttpServer server = new RawHttpServer(store.endpoint());
                 TransferFixture fx = new TransferFixture(server.endpoint(), true);
                 Locations locations = new Locations(fx.aws(), new Remotes(fx.env()))) {
                fx.verifyEndpoint = store.endpoint();
                List<String> keys = new java.util.ArrayList<>();
                for (String p : List.of("p1", "p2", "p3")) {
                    for (int i = 0; i < 4; i++) {
                        keys.add(p + "/sub/f" + i);
                        keys.add(p + "/g" + i);
                        fx.write("tree/" + p + "/sub/f" + i, "x");
                    }
                }
                keys.addAll(List.of("p1/remote-only/deep/y", "remote-only/z", "c.txt"));
                keys.add("../elsewhere/e");
                // straight to the store: the SDK's uploads wait for a "100 Continue" the loopback server never sends
                try (var direct = new labcloud.aws.AwsContext(new labcloud.aws.AwsSettings(null, "us-east-1", store.endpoint(), true), fx.env())) {
                    for (String k : keys) {
                        String key = k.startsWith("../") ? k.substring(3) : "d/" + k;
                        direct.s3().putObject(b -> b.bucket(fx.bucket).key(key), software.amazon.awssdk.core.sync.RequestBody.fromString(k));
                    }
                }
                keys.remove("../elsewhere/e");
                S3Store s3 = locations.store(TransferUrl.parse(fx.url("")));
                List<String> plain = new java.util.ArrayList<>();
                S3Listing.list(s3, fx.bucket, "d/").forEachRemaining(e -> plain.add(e.key()));
                assertThat(plain).hasSize(keys.size());

                answerDelimitedListingsWith(server, lie);
                List<String> guided = new java.util.ArrayList<>();
                S3Listing.alongTree(s3, fx.bucket, "d/", fx.work.resolve("tree"), 3).forEachRemaining(e -> guided.add(e.key()));
                assertThat(server.taken()).as("the delimited listing was asked for").isPositive();
                assertThat(guided).as(lie).isEqualTo(plain);
            }
        }
    }
}
