package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsSettings;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A test's world for transfers: a temporary HOME whose remotes.yaml names the S3 server under test
 * as remote "lab" (compat mode), a bucket of its own, a scratch directory, the CLI in-process, and
 * the aws CLI as an independent client.
 */
final class TransferFixture implements AutoCloseable {
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    final Path home;
    final Path work;
    final URI endpoint;
    /** Where the aws CLI checks results: the store itself, even when labcloud goes through a proxy. */
    URI verifyEndpoint;
    final String bucket;
    final Map<String, String> vars = new HashMap<>();
    private final AwsContext aws;

    TransferFixture(URI endpoint, boolean compat) throws IOException {
        this.endpoint = endpoint;
        this.verifyEndpoint = endpoint;
        this.home = Files.createTempDirectory("labcloud-xfer-home-");
        this.work = Files.createTempDirectory("labcloud-xfer-work-");
        vars.put("HOME", home.toString());
        vars.put("PATH", System.getenv().getOrDefault("PATH", ""));
        vars.put("AWS_ACCESS_KEY_ID", "testing");
        vars.put("AWS_SECRET_ACCESS_KEY", "testing-secret-key");
        vars.put("AWS_REGION", "us-east-1");
        vars.put("AWS_MAX_ATTEMPTS", "4");
        this.bucket = "lab-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        new Remotes(Environment.of(vars)).add(new Remote("lab", endpoint, null, null, true, compat));
        this.aws = new AwsContext(new AwsSettings(null, "us-east-1", endpoint, compat), Environment.of(vars));
        s3().createBucket(b -> b.bucket(bucket));
    }

    S3Client s3() {
        return aws.s3();
    }

    AwsContext aws() {
        return aws;
    }

    String url(String key) {
        return "lab:" + bucket + "/" + key;
    }

    Environment env() {
        return Environment.of(new HashMap<>(vars));
    }

    CliResult run(String... args) {
        return CliResult.run(env(), args);
    }

    static JsonNode json(CliResult r) throws IOException {
        return Json.MAPPER.readTree(r.stdout());
    }

    Path write(String rel, String content) throws IOException {
        return write(rel, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String rel, byte[] content) throws IOException {
        Path p = work.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    /** Relative path -> MD5 of every file below dir. */
    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) return out;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Checksums.digest(p, 0).md5());
            }
        }
        return out;
    }

    /** The aws CLI, as an independent client of the same endpoint. */
    String awsCli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("aws", "--endpoint-url", verifyEndpoint.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(vars);
        pb.environment().put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
        pb.environment().put("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** key -> [size, etag] under a prefix, listed by the aws CLI. */
    Map<String, String[]> awsListing(String prefix) throws IOException, InterruptedException {
        String out = awsCli("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", prefix, "--output", "json");
        Map<String, String[]> m = new TreeMap<>();
        if (out.isBlank()) return m;
        for (JsonNode o : Json.MAPPER.readTree(out).path("Contents")) {
            m.put(o.path("Key").asText().substring(prefix.length()),
                    new String[] {o.path("Size").asText(), o.path("ETag").asText().replace("\"", "")});
        }
        return m;
    }

    @Override
    public void close() {
        aws.close();
        for (Path dir : List.of(home, work)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp dir
            }
        }
    }
}
