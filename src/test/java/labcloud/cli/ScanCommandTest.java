package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.scan.Fakes;
import labcloud.scan.GitRepo;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;

/** `labcloud scan` on real directories and git repositories: selection, formats, baseline, ignore file, exit codes. */
class ScanCommandTest {
    private final Fakes f = new Fakes(99);

    private static CliResult scan(String... args) throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", Files.createTempDirectory("labcloud-scan-home-").toString());
        vars.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        List<String> all = new ArrayList<>(List.of("scan"));
        all.addAll(List.of(args));
        return CliResult.run(Environment.of(vars), all.toArray(String[]::new));
    }

    private static JsonNode json(CliResult r) throws Exception {
        return Json.MAPPER.readTree(r.stdout());
    }

    private static List<String> paths(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("findings").forEach(x -> out.add(x.get("path").asText() + ":" + x.get("rule").asText()));
        return out;
    }

    /**
     * The scan's workers start before the listing; a listing that fails (git refuses a corrupt
     * index) ends the run with one line and exit 5, never with a report of the files seen so far.
     */
    @Test
    void aListingThatFailsEndsTheScanWithOneLine() throws Exception {
        GitRepo repo = GitRepo.init().write("src/a.py", "x = 1\n").write("src/b.py", "KEY = '" + f.keyId() + "'\n");
        repo.commit("first", "Ada", "2024-01-02T03:04:05Z");
        Files.write(repo.dir().resolve(".git/index"), "DIRC garbage that is no index".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        CliResult r = scan(repo.dir().toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.stdout()).as(r.toString()).isEmpty();
        assertThat(r.stderr().strip().lines()).as(r.toString()).hasSize(1);
        assertThat(r.stderr()).as(r.toString()).contains("index").doesNotContain("Exception", "\tat ");
    }

    @Test
    void honoursGitignoreInARepositoryUnlessAllFiles() throws Exception {
        String key = f.keyId();
        String secret = f.secret();
        GitRepo repo = GitRepo.init()
                .write(".gitignore", ".env\nsecrets/\n")
                .write("src/load.py", "import boto3\nKEY = '" + key + "'\nSECRET = '" + secret + "'\n")
                .write(".env", "AWS_ACCESS_KEY_ID=" + f.keyId() + "\n")
                .write("secrets/ci.pem", f.pem("RSA "))
                .write("README.md", "no keys here, see " + "AK" + "IAIOSFODNN7EXAMPLE\n");
        repo.commit("first", "Ada", "2024-01-02T03:04:05Z");
        repo.write("notes.txt", "untracked but not ignored: " + f.keyId() + "\n");

        CliResult r = scan(repo.dir().toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).contains("src/load.py:2", "src/load.py:3", "notes.txt:1", key.substring(0, 4) + "…" + key.substring(16))
                .doesNotContain(".env").doesNotContain("ci.pem").doesNotContain(key).doesNotContain(secret);
        assertThat(r.stderr()).contains("3 findings in ");

        JsonNode all = json(scan(repo.dir().toString(), "--all-files", "--format", "json"));
        assertThat(paths(all)).containsExactlyInAnyOrder(".env:aws-access-key-id", "notes.txt:aws-access-key-id",
                "secrets/ci.pem:private-key", "src/load.py:aws-access-key-id", "src/load.py:aws-secret-access-key");
    }

    @Test
    void honoursGitignoreOutsideGitAndScansASingleFile() throws Exception {
        Path dir = Files.createTempDirectory("labcloud-scan-plain-");
        Files.writeString(dir.resolve(".gitignore"), "# build output\n*.log\nbuild/\n/local.cfg\n");
        Files.createDirectories(dir.resolve("build"));
        Files.writeString(dir.resolve("build/out.txt"), f.keyId() + "\n");
        Files.writeString(dir.resolve("run.log"), f.keyId() + "\n");
        Files.writeString(dir.resolve("local.cfg"), f.keyId() + "\n");
        Files.writeString(dir.resolve("keep.cfg"), "k=" + f.keyId() + "\n");
        JsonNode r = json(scan(dir.toString(), "--format", "json"));
        assertThat(paths(r)).containsExactly("keep.cfg:aws-access-key-id");
        assertThat(paths(json(scan(dir.toString(), "--all-files", "--format", "json")))).hasSize(4);
        JsonNode single = json(scan(dir.resolve("run.log").toString(), "--format", "json"));
        assertThat(paths(single)).containsExactly("run.log:aws-access-key-id");
    }

    @Test
    void cleanTreeExitsZero() throws Exception {
        Path dir = Files.createTempDirectory("labcloud-scan-clean-");
        Files.writeString(dir.resolve("ok.py"), "import os\nsecret = os.environ['AWS_SECRET_ACCESS_KEY']\n");
        CliResult r = scan(dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("0 findings in 1 files");
        assertThat(r.stderr()).containsPattern("0 findings in 1 files \\(0\\.0 MB\\) in \\d+\\.\\d s\n");
    }

    @Test
    void summaryNumbersHaveOneDecimalRoundedHalfUp() {
        assertThat(ScanCommand.tenths(0)).isEqualTo("0.0");
        assertThat(ScanCommand.tenths(0.04)).isEqualTo("0.0");
        assertThat(ScanCommand.tenths(0.25)).isEqualTo("0.3");
        assertThat(ScanCommand.tenths(0.96)).isEqualTo("1.0");
        assertThat(ScanCommand.tenths(12.34)).isEqualTo("12.3");
        assertThat(ScanCommand.tenths(520)).isEqualTo("520.0");
        assertThat(ScanCommand.tenths(1234.56)).isEqualTo("1234.6");
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Path dir = Files.createTempDirectory("labcloud-scan-bad-");
        Path notJson = Files.writeString(dir.resolve("old-report.json"), "not json at all");
        Path noFindings = Files.writeString(dir.resolve("other.json"), "{\"resources\": []}");
        Path badIgnore = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(badIgnore.resolve(".labcloudignore"), "# reviewed\n0123456789abcdef0123\nnot-a-fingerprint\n");
        List<List<String>> cases = List.of(
                List.of(dir.resolve("missing").toString()),
                List.of(dir.toString(), "--format", "xml"),
                List.of(dir.toString(), "--baseline", notJson.toString(), "--ignore-file", "/dev/null"),
                List.of(dir.toString(), "--baseline", noFindings.toString(), "--ignore-file", "/dev/null"),
                List.of(dir.toString(), "--history"),
                List.of(dir.toString(), "--max-file-size", "lots"),
                List.of(badIgnore.toString()));
        List<String> expected = List.of("no such file or directory", "--format", "old-report.json", "\"findings\"",
                "needs a git repository", "--max-file-size", ".labcloudignore line 3");
        for (int i = 0; i < cases.size(); i++) {
            CliResult r = scan(cases.get(i).toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.stderr().strip().lines().count()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).contains(expected.get(i));
            assertThat(r.stdout()).isEmpty();
        }
    }

    @Test
    void baselineReportsOnlyNewFindings() throws Exception {
        Path dir = Files.createTempDirectory("labcloud-scan-baseline-");
        Files.writeString(dir.resolve("old.py"), "k = '" + f.keyId() + "'\ns = '" + f.keyId() + "'\n");
        CliResult first = scan(dir.toString(), "--format", "json");
        assertThat(first.exitCode()).isEqualTo(1);
        Path baseline = Files.createTempFile("baseline", ".json");
        Files.writeString(baseline, first.stdout());

        CliResult same = scan(dir.toString(), "--baseline", baseline.toString(), "--format", "json");
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(json(same).get("summary").get("ignored").asInt()).isEqualTo(2);

        // Lines move and a new key arrives: only the new key is reported.
        Files.writeString(dir.resolve("old.py"), "# header\n" + Files.readString(dir.resolve("old.py")));
        String fresh = f.keyId();
        Files.writeString(dir.resolve("new.py"), "k = '" + fresh + "'\n");
        CliResult later = scan(dir.toString(), "--baseline", baseline.toString(), "--format", "json");
        assertThat(later.exitCode()).isEqualTo(1);
        assertThat(paths(json(later))).containsExactly("new.py:aws-access-key-id");
    }

    @Test
    void ignoreFileAndInlineAllow() throws Exception {
        GitRepo repo = GitRepo.init()
                .write("a.py", "k = '" + f.keyId() + "'\n")
                .write("b.py", "k = '" + f.keyId() + "'  # labcloud:allow revoked in 2023\n");
        repo.commit("keys", "Ada", "2024-01-02T03:04:05Z");
        JsonNode before = json(scan(repo.dir().toString(), "--format", "json"));
        assertThat(paths(before)).containsExactly("a.py:aws-access-key-id");
        String fp = before.get("findings").get(0).get("fingerprint").asText();
        repo.write(".labcloudignore", "# a.py key: revoked, see ticket 12\n" + fp + "\n");
        CliResult after = scan(repo.dir().toString());
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.stderr()).contains("1 ignored");
    }

    @Test
    void sarifIsValidForCodeScanning() throws Exception {
        Path dir = Files.createTempDirectory("labcloud-scan-sarif-");
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/id_rsa"), f.pem("OPENSSH "));
        Files.writeString(dir.resolve("app.py"), "\n\nclient('" + f.keyId() + "', '" + f.secret() + "')\n");
        CliResult r = scan(dir.toString(), "--format", "sarif");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode sarif = json(r);
        assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("labcloud");
        Set<String> ruleIds = new HashSet<>();
        driver.get("rules").forEach(rule -> {
            ruleIds.add(rule.get("id").asText());
            assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
        });
        JsonNode results = run.get("results");
        assertThat(results).hasSize(3);
        Set<String> uris = new HashSet<>();
        for (JsonNode res : results) {
            assertThat(ruleIds).contains(res.get("ruleId").asText());
            assertThat(driver.get("rules").get(res.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(res.get("ruleId").asText());
            assertThat(res.get("message").get("text").asText()).isNotBlank();
            JsonNode loc = res.get("locations").get(0).get("physicalLocation");
            uris.add(loc.get("artifactLocation").get("uri").asText());
            assertThat(loc.get("region").get("startLine").asInt()).isPositive();
            assertThat(res.get("partialFingerprints").fields().next().getValue().asText()).hasSize(20);
        }
        assertThat(uris).containsExactlyInAnyOrder("keys/id_rsa", "app.py");
        assertThat(results.findValues("startLine")).extracting(JsonNode::asInt).contains(1, 3);
    }
}
