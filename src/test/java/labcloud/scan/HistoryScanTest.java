package labcloud.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;

/** `scan --history` on a real repository: every branch, deleted files, attribution to the introducing commit. */
class HistoryScanTest {
    private final Fakes f = new Fakes(2024);

    private static CliResult run(String... args) throws Exception {
        return CliResult.run(Environment.of(Map.of("HOME", Files.createTempDirectory("labcloud-hist-home-").toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "COLUMNS", "200")), args);
    }

    @Test
    void findsSecretsInEveryCommitOnEveryBranchIncludingDeletedFiles() throws Exception {
        String key = f.keyId();
        String secret = f.secret();
        String branchKey = f.keyId("AS" + "IA");
        GitRepo repo = GitRepo.init()
                .write("config.py", "BUCKET = 'lab-data'\nKEY = '" + key + "'\nSECRET = '" + secret + "'\n")
                .write("README.md", "# lab analysis\n");
        String c1 = repo.commit("add config", "Ada Lovelace", "2024-01-01T10:00:00Z");
        repo.write("config.py", Files.readString(repo.dir().resolve("config.py")) + "REGION = 'eu-west-1'\n")
                .write("deploy/lab.pem", f.pem("RSA "));
        String c2 = repo.commit("deploy key", "Bob Builder", "2024-02-01T10:00:00Z");
        repo.write("config.py", "BUCKET = 'lab-data'\nREGION = 'eu-west-1'\n").delete("deploy/lab.pem");
        repo.commit("remove keys", "Cy Clean", "2024-03-01T10:00:00Z");
        repo.git("checkout", "-q", "-b", "experiment", c1);
        repo.write("explore.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import boto3\\n\", \"k = \\\"" + branchKey
                + "\\\"\\n\"], \"outputs\": []}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
        String c4 = repo.commit("try things", "Dee Tour", "2024-04-01T10:00:00Z");
        repo.git("checkout", "-q", "main");

        CliResult tree = run("scan", repo.dir().toString());
        assertThat(tree.exitCode()).as("the checked-out tree is clean: " + tree).isZero();

        CliResult r = run("scan", repo.dir().toString(), "--history", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).doesNotContain(key).doesNotContain(secret).doesNotContain(branchKey);
        JsonNode report = Json.MAPPER.readTree(r.stdout());
        assertThat(report.get("summary").get("commits").asInt()).isEqualTo(4);
        List<String> rows = new ArrayList<>();
        for (JsonNode x : report.get("findings")) {
            rows.add(String.join("|", x.get("rule").asText(), x.get("path").asText(), x.get("line").asText(),
                    x.get("commit").asText(), x.get("author").asText(), x.get("date").asText().substring(0, 10)));
        }
        assertThat(rows).containsExactlyInAnyOrder(
                "aws-access-key-id|config.py|2|" + c1 + "|Ada Lovelace <ada.lovelace@lab.example>|2024-01-01",
                "aws-secret-access-key|config.py|3|" + c1 + "|Ada Lovelace <ada.lovelace@lab.example>|2024-01-01",
                "private-key|deploy/lab.pem|1|" + c2 + "|Bob Builder <bob.builder@lab.example>|2024-02-01",
                "aws-access-key-id|explore.ipynb|1|" + c4 + "|Dee Tour <dee.tour@lab.example>|2024-04-01");
        JsonNode nb = report.get("findings").findParents("cell").stream()
                .filter(x -> x.get("path").asText().equals("explore.ipynb")).findFirst().orElseThrow();
        assertThat(nb.get("cell").asInt()).isEqualTo(1);
        assertThat(nb.get("cellLine").asInt()).isEqualTo(2);

        CliResult text = run("scan", repo.dir().toString(), "--history");
        assertThat(text.stdout()).contains(c1.substring(0, 12), "Ada Lovelace", "2024-01-01", "deploy/lab.pem:1");
        assertThat(text.stderr()).contains("4 findings in 4 commits");
    }

    @Test
    void baselineFromHistoryAppliesToLaterHistoryScans() throws Exception {
        GitRepo repo = GitRepo.init().write("a.py", "k = '" + f.keyId() + "'\n");
        repo.commit("one", "Ada", "2024-01-01T10:00:00Z");
        CliResult first = run("scan", repo.dir().toString(), "--history", "--format", "json");
        java.nio.file.Path baseline = Files.createTempFile("history-baseline", ".json");
        Files.writeString(baseline, first.stdout());
        repo.write("b.py", "k = '" + f.keyId() + "'\n");
        String c2 = repo.commit("two", "Bob", "2024-01-02T10:00:00Z");
        CliResult second = run("scan", repo.dir().toString(), "--history", "--baseline", baseline.toString(), "--format", "json");
        JsonNode findings = Json.MAPPER.readTree(second.stdout()).get("findings");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("commit").asText()).isEqualTo(c2);
    }
}
