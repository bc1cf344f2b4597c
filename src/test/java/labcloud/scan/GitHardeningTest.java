package labcloud.scan;

import static org.assertj.core.api.Assertions.assertThat;

import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scanning a repository nobody here trusts: its config names a program for every git feature that
 * can run one (see {@link HostileRepo}); no scan mode, install-hook or creds doctor may run any of
 * them, and the scans still find the keys planted in it.
 */
@ExtendWith(Moto.class)
class GitHardeningTest {
    private final Fakes f = new Fakes(18);

    private HostileRepo hostile(String committedKey, String committedSecret, String stagedKey, String stagedSecret) throws Exception {
        GitRepo repo = GitRepo.init().write("history.txt", "first version\n").write("README.md", "# data\n");
        repo.commit("init", "Ada", "2024-01-01T10:00:00Z");
        repo.write("history.txt", "second version\n").write("settings.py",
                "AWS_ACCESS_KEY_ID = '" + committedKey + "'\nAWS_SECRET_ACCESS_KEY = '" + committedSecret + "'\n");
        repo.commit("settings", "Ada", "2024-01-02T10:00:00Z");
        repo.write("deploy.sh", "export AWS_ACCESS_KEY_ID=" + stagedKey + "\nexport AWS_SECRET_ACCESS_KEY=" + stagedSecret + "\n");
        repo.git("add", "deploy.sh");
        repo.write("notes.txt", "work in progress\n").write("lab.pem", "not really a key\n");
        return HostileRepo.poison(repo);
    }

    @Test
    void noScanModeRunsAnythingTheRepositoryNames(TestLab lab) throws Exception {
        String key = f.keyId();
        String secret = f.secret();
        String stagedKey = f.keyId();
        String stagedSecret = f.secret();
        HostileRepo h = hostile(key, secret, stagedKey, stagedSecret);
        String dir = h.repo.dir().toString();

        CliResult tree = lab.run("scan", dir, "--format", "json");
        assertThat(h.ran()).as("tree scan ran " + h.ran()).isEmpty();
        assertThat(tree.exitCode()).as(tree.toString()).isEqualTo(1);
        assertThat(tree.stdout()).contains("settings.py", "deploy.sh");

        CliResult history = lab.run("scan", dir, "--history", "--format", "json");
        assertThat(h.ran()).as("history scan ran " + h.ran()).isEmpty();
        assertThat(history.exitCode()).as(history.toString()).isEqualTo(1);
        assertThat(history.stdout()).contains("settings.py");

        CliResult staged = lab.run("scan", dir, "--staged", "--format", "json");
        assertThat(h.ran()).as("staged scan ran " + h.ran()).isEmpty();
        assertThat(staged.exitCode()).as(staged.toString()).isEqualTo(1);
        assertThat(staged.stdout()).contains("deploy.sh").doesNotContain("settings.py");

        CliResult hook = lab.run("scan", "install-hook", dir);
        assertThat(h.ran()).as("install-hook ran " + h.ran()).isEmpty();
        assertThat(hook.exitCode()).as(hook.toString()).isZero();

        CliResult doctor = lab.run("--output", "json", "creds", "doctor", "--dir", dir);
        assertThat(h.ran()).as("creds doctor ran " + h.ran()).isEmpty();
        assertThat(doctor.stdout()).as(doctor.toString()).contains(h.repo.dir().resolve("lab.pem").toString());
        assertThat(doctor.stdout() + doctor.stderr()).doesNotContain("cannot run git");
    }

    /** The same repository with plain git: each trap the test relies on does fire. */
    @Test
    void theTrapIsRealWhenGitRunsWithoutProtection() throws Exception {
        HostileRepo h = hostile(f.keyId(), f.secret(), f.keyId(), f.secret());
        // git runs a clean filter only for a file whose stat no longer matches the index (or is racily
        // clean, which depends on timing): make every file newer, so that plain git runs both filters
        java.nio.file.attribute.FileTime later = java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5));
        try (var files = java.nio.file.Files.walk(h.repo.dir())) {
            for (java.nio.file.Path p : files.filter(java.nio.file.Files::isRegularFile)
                    .filter(p -> !h.repo.dir().relativize(p).startsWith(".git")).toList()) {
                java.nio.file.Files.setLastModifiedTime(p, later);
            }
        }
        h.repo.tryRun(java.util.Map.of(), "ls-files", "-co", "--exclude-standard");
        h.repo.tryRun(java.util.Map.of(), "log", "--all", "--raw");
        h.repo.tryRun(java.util.Map.of(), "diff", "HEAD");
        h.repo.tryRun(java.util.Map.of(), "cat-file", "-p", "HEAD~1:history.txt");
        assertThat(h.ran()).as(h.ran().toString()).contains("core.fsmonitor", "filter.process", "gpg.openpgp.program",
                "gpg.ssh.program", "gpg.x509.program", "remote.uploadpack");
    }
}
