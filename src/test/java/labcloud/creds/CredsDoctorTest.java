package labcloud.creds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.model.AccessKey;

@ExtendWith(Moto.class)
class CredsDoctorTest {
    static final String SHELL_SECRET = "shellSecretValue0123456789abcdefghijKLMN";

    private static void git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
    }

    private static List<String> checks(JsonNode j, boolean fixed) {
        List<String> out = new ArrayList<>();
        j.get("findings").forEach(f -> {
            if (f.get("fixed").asBoolean() == fixed) out.add(f.get("check").asText() + " " + f.get("subject").asText());
        });
        return out;
    }

    @Test
    void findsEachProblemWithItsFixAndFixesFilesLocally(TestLab lab) throws Exception {
        AccessKey key = IamFixture.userWithKey(lab, "alice");
        Path creds = IamFixture.writeProfile(lab, "alice", key);
        Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(lab.home().resolve(".bashrc"), "# aliases\nalias ll='ls -l'\nexport AWS_SECRET_ACCESS_KEY="
                + SHELL_SECRET + "\n# export AWS_SECRET_ACCESS_KEY=commented-out-is-fine\n");
        Path repo = Files.createDirectories(lab.home().resolve("project"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve(".gitignore"), "ignored/\n");
        Files.createDirectories(repo.resolve("data/keys"));
        Files.createDirectories(repo.resolve("ignored"));
        Files.writeString(repo.resolve("accessKeys.csv"), "Access key ID,Secret access key\n");
        Files.writeString(repo.resolve("data/alice_credentials.csv"), "User name\n");
        Files.writeString(repo.resolve("data/keys/lab.pem"), "not really a key\n");
        Files.writeString(repo.resolve("ignored/old.pem"), "not really a key\n");
        Files.writeString(repo.resolve("committed.pem"), "not really a key\n");
        git(repo, "add", "committed.pem");
        String asOf = LocalDate.now().plusDays(200).toString();

        CliResult r = lab.run("--profile", "alice", "--output", "json", "creds", "doctor", "--dir", repo.resolve("data").toString(),
                "--as-of", asOf);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode j = Json.MAPPER.readTree(r.stdout());
        assertThat(checks(j, false)).containsExactlyInAnyOrder(
                "file-permissions " + creds,
                "environment-keys AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY",
                "shell-profile " + lab.home().resolve(".bashrc") + " line 3",
                "repository-key-file " + repo.resolve("accessKeys.csv"),
                "repository-key-file " + repo.resolve("data/alice_credentials.csv"),
                "repository-key-file " + repo.resolve("data/keys/lab.pem"),
                "repository-key-file " + repo.resolve("committed.pem"),
                "mfa IAM user alice",
                "old-key IAM user alice key " + key.accessKeyId());
        j.get("findings").forEach(f -> assertThat(f.get("fix").asText()).isNotBlank());
        assertThat(r.stdout() + r.stderr()).doesNotContain(SHELL_SECRET).doesNotContain(key.secretAccessKey());
        assertThat(Files.readString(repo.resolve(".gitignore"))).isEqualTo("ignored/\n"); // dry run

        CliResult fixed = lab.run("--profile", "alice", "--output", "json", "creds", "doctor", "--dir", repo.toString(),
                "--fix");
        assertThat(fixed.exitCode()).as(fixed.toString()).isEqualTo(1); // shell, env, MFA and the committed key remain
        JsonNode jf = Json.MAPPER.readTree(fixed.stdout());
        assertThat(checks(jf, true)).hasSize(4);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds))).isEqualTo("rw-------");
        assertThat(Files.readString(repo.resolve(".gitignore"))).isEqualTo("ignored/\n"
                + "# AWS key files (added by labcloud creds doctor --fix)\n*accessKeys.csv\n*credentials.csv\n*.pem\n");
        git(repo, "check-ignore", "-q", "data/keys/lab.pem");

        CliResult again = lab.run("--profile", "alice", "--output", "json", "creds", "doctor", "--dir", repo.toString());
        List<String> open = checks(Json.MAPPER.readTree(again.stdout()), false);
        assertThat(open).contains("repository-key-file " + repo.resolve("committed.pem"))
                .noneMatch(s -> s.startsWith("file-permissions") || s.contains("accessKeys.csv"));
        assertThat(Files.readString(lab.home().resolve(".labcloud/audit.log"))).contains("creds.doctor.fix");

        CliResult text = lab.run("--profile", "alice", "creds", "doctor", "--dir", repo.toString());
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.stdout()).contains("HIGH repository-key-file: " + repo.resolve("committed.pem"))
                .contains("  fix:     git rm --cached committed.pem").doesNotContain(SHELL_SECRET);
    }

    @Test
    void cleanSetupIsExitZero(TestLab lab) throws Exception {
        AccessKey key = IamFixture.userWithKey(lab, "bob");
        IamFixture.enableVirtualMfa(lab, "bob");
        Path creds = IamFixture.writeProfile(lab, "bob", key);
        Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rw-------"));
        lab.vars().remove("AWS_ACCESS_KEY_ID");
        lab.vars().remove("AWS_SECRET_ACCESS_KEY");
        Path plain = Files.createDirectories(lab.home().resolve("plain"));
        CliResult r = lab.run("--profile", "bob", "creds", "doctor", "--dir", plain.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("No credential hygiene problems");
        assertThat(r.stderr()).contains("not inside a git repository");
    }
}
