package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** labcloud advise: the worked examples, figures that agree with labcloud price, input errors, diagrams. */
class AdviseCommandTest {
    @TempDir
    Path home;

    private CliResult run(String... args) {
        return CliResult.run(Environment.of(Map.of("HOME", home.toString(), "AWS_REGION", "us-east-1")), args);
    }

    private JsonNode json(String... args) throws Exception {
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 2);
        withJson[args.length] = "--output";
        withJson[args.length + 1] = "json";
        CliResult r = run(withJson);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return Json.MAPPER.readTree(r.stdout());
    }

    @Test
    void threeWorkedExamples() {
        CliResult laptop = run("advise", "--ram", "6GiB", "--cores", "4", "--hours", "2", "--data", "20GiB");
        assertThat(laptop.exitCode()).as(laptop.toString()).isZero();
        assertThat(laptop.stdout()).contains("needs 6 GiB <= your laptop's 16 GiB", "-> Your laptop");

        CliResult big = run("advise", "--ram", "64GiB", "--cores", "16", "--hours", "40", "--runs-per-month", "4", "--data", "200GiB",
                "--results", "50GiB", "--months", "6", "--buy-price", "6000");
        assertThat(big.exitCode()).as(big.toString()).isZero();
        assertThat(big.stdout()).contains("needs 64 GiB > your laptop's 16 GiB -> not the laptop", "-> A bigger instance for a short time",
                "m5.4xlarge", "$0.7680", "$30.72", "$122.88", "labcloud machine resize NAME --type m5.4xlarge --region us-east-1",
                "buying pays off only after");

        CliResult gpu = run("advise", "--ram", "48GiB", "--cores", "8", "--gpu", "--hours", "20", "--runs-per-month", "4", "--data", "2TiB",
                "--data-location", "s3://lab-data/imaging", "--results", "20GiB", "--months", "6");
        assertThat(gpu.exitCode()).as(gpu.toString()).isZero();
        assertThat(gpu.stdout()).contains("2 TiB already in S3: downloading it costs $175.32", "g4dn.4xlarge", "S3 Glacier Instant Retrieval");
    }

    @Test
    void storageAndEgressFiguresAgreeWithLabcloudPrice() throws Exception {
        for (String region : new String[] {"us-east-1", "eu-west-1", "ap-northeast-1"}) {
            JsonNode a = json("advise", "--region", region, "--ram", "64GiB", "--cores", "16", "--hours", "40", "--runs-per-month", "4",
                    "--data", "2TiB", "--results", "150GiB", "--months", "6");
            assertThat(a.path("leaf").path("kind").asText()).isEqualTo("ec2-short");
            Map<String, String[]> priceArgs = Map.of(
                    "s3-standard", new String[] {"price", "s3", "2TiB", "--class", "STANDARD"},
                    "s3-standard-ia", new String[] {"price", "s3", "2TiB", "--class", "STANDARD_IA"},
                    "s3-glacier-ir", new String[] {"price", "s3", "2TiB", "--class", "GLACIER_IR"},
                    "efs-standard", new String[] {"price", "efs", "2TiB"},
                    "ebs-gp3", new String[] {"price", "ebs", "2TiB", "--type", "gp3"});
            assertThat(a.path("storage")).hasSize(5);
            for (JsonNode s : a.path("storage")) {
                String[] args = priceArgs.get(s.path("id").asText());
                assertThat(args).as(s.path("id").asText()).isNotNull();
                JsonNode price = json(concat(args, "--region", region));
                assertThat(s.path("monthlyStorage").asDouble()).as(region + " " + s.path("id").asText())
                        .isCloseTo(price.path("monthly").asDouble(), within(0.005));
            }
            // Results: 150 GiB a run, 4 runs: 600 GiB a month out to the internet.
            JsonNode egress = json("price", "egress", "600GiB", "--region", region);
            assertThat(a.path("egress").path("results").path("total").asDouble()).isEqualTo(egress.path("total").asDouble());
            assertThat(a.path("egress").path("results").path("freeGb").asDouble()).isEqualTo(100.0);
            assertThat(a.path("egress").path("overRule").asBoolean()).isTrue(); // 150 GiB in one download > the lab's 100 GB
            // EC2 figures agree with labcloud price ec2.
            JsonNode first = a.path("instances").get(0);
            JsonNode ec2 = json("price", "ec2", first.path("type").asText(), "--region", region, "--hours", "160");
            assertThat(first.path("perMonth").asDouble()).isCloseTo(ec2.path("monthly").asDouble(), within(0.01));
        }
        // Retrieval fees and minimum durations: Glacier IR bills 90 days even for a 1-month project.
        JsonNode a = json("advise", "--ram", "1GiB", "--cores", "1", "--hours", "0", "--data", "1TiB", "--months", "1");
        JsonNode gir = a.path("storage").get(2);
        assertThat(gir.path("id").asText()).isEqualTo("s3-glacier-ir");
        assertThat(gir.path("minimumDays").asInt()).isEqualTo(90);
        assertThat(gir.path("projectTotal").asDouble()).isCloseTo(1024 * 0.004 * 3, within(0.01));
        assertThat(a.path("leaf").path("id").asText()).isEqualTo("storage-only");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws Exception {
        CliResult missing = run("advise", "--ram", "64GiB");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr().strip()).isEqualTo("labcloud: missing --cores, --hours (or --from-profile FILE)");
        assertThat(run("advise", "--ram", "lots", "--cores", "1", "--hours", "1").stderr()).contains("--ram: invalid size 'lots'");
        assertThat(run("advise", "--ram", "1GiB", "--cores", "-3", "--hours", "1").exitCode()).isEqualTo(2);
        assertThat(run("advise", "--diagram", "png").stderr()).contains("--diagram: expected svg or mermaid");
        CliResult noFile = run("advise", "--from-profile", home.resolve("none.json").toString());
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.stderr()).contains("none.json: no such profile file");
        Files.writeString(home.resolve("p.json"), "{\"version\":1}");
        assertThat(run("advise", "--from-profile", home.resolve("p.json").toString()).stderr()).contains("not a labcloud profile");
    }

    @Test
    void theLabsOwnTreeReplacesTheBundledOneAndABadOneIsFileLineField() throws Exception {
        Path dir = Files.createDirectories(home.resolve(".labcloud"));
        Files.writeString(dir.resolve("advice.yaml"), """
                start: gpu
                questions:
                  gpu:
                    ask: GPU?
                    if: gpu
                    then: {next: cluster, say: "GPUs live on the cluster"}
                    else: {next: mine, say: "no GPU: your own machine"}
                leaves:
                  cluster: {kind: lab-server, title: The department cluster}
                  mine: {kind: laptop, title: Your machine}
                defaults: {gpu: false}
                """);
        CliResult r = run("advise", "--ram", "1GiB", "--cores", "1", "--hours", "1", "--gpu");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains(dir.resolve("advice.yaml").toString(), "GPUs live on the cluster", "-> The department cluster");
        Files.writeString(dir.resolve("advice.yaml"), "start: gpu\nquestions:\n  gpu:\n    ask: GPU?\n    if: gpu >= 2\n    then: a\n    else: a\n"
                + "leaves:\n  a: {kind: laptop, title: A}\n");
        CliResult bad = run("advise", "--ram", "1GiB", "--cores", "1", "--hours", "1");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr().strip()).isEqualTo("labcloud: " + dir.resolve("advice.yaml") + ":5: questions.gpu.if: cannot compare bool >= number");
    }

    @Test
    void diagramsFromTheCommandLine() throws Exception {
        CliResult plain = run("advise", "--diagram", "mermaid");
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.stdout()).startsWith("flowchart TD").doesNotContain("onpath");
        CliResult path = run("advise", "--diagram", "mermaid", "--ram", "64GiB", "--cores", "16", "--hours", "40");
        assertThat(path.stdout()).contains("class n_compute,n_data_gravity,n_laptop_ram");
        CliResult svg = run("advise", "--diagram", "svg", "--ram", "6GiB", "--cores", "2", "--hours", "1");
        assertThat(svg.stdout()).startsWith("<svg ").contains("id=\"node-laptop\"");
        Path f = home.resolve("tree.mmd");
        Files.writeString(f, path.stdout());
        assertThat(labcloud.advise.DiagramTest.runMermaidParser(f)).singleElement().asString().startsWith("OK flowchart");
    }

    @Test
    void noAwsCallIsMade() {
        // Any SDK call is recorded, and any call at all would hit a closed port and fail the command.
        Environment env = Environment.of(Map.of("HOME", home.toString(), "AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE00", "AWS_SECRET_ACCESS_KEY", "x"));
        labcloud.testing.RecordedActions.start();
        try {
            CliResult a = CliResult.run(env, "advise", "--ram", "64GiB", "--cores", "16", "--gpu", "--hours", "40", "--data", "2TiB",
                    "--data-location", "s3://b/p", "--results", "200GiB", "--buy-price", "9000");
            assertThat(a.exitCode()).as(a.toString()).isZero();
            CliResult p = CliResult.run(env, "profile", "--advise", "--", "true");
            assertThat(p.exitCode()).as(p.toString()).isZero();
        } finally {
            assertThat(labcloud.testing.RecordedActions.stop()).isEmpty();
        }
    }

    @Test
    void iamPolicySaysNoPermissionsAreNeeded() throws Exception {
        for (String cmd : new String[] {"advise", "profile"}) {
            CliResult r = run("iam-policy", cmd);
            assertThat(r.exitCode()).isZero();
            assertThat(Json.MAPPER.readTree(r.stdout()).path("Statement")).isEmpty();
            assertThat(r.stderr()).contains("'" + cmd + "' makes no AWS calls: it needs no IAM permissions");
        }
    }
}
