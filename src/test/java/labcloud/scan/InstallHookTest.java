package labcloud.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;

/** The pre-commit hook in a real repository: blocks a commit with a key, chains an existing hook, lets clean commits through. */
class InstallHookTest {
    private final Fakes f = new Fakes(5);

    @Test
    void hookBlocksKeysChainsTheExistingHookAndLetsCleanCommitsThrough() throws Exception {
        GitRepo repo = GitRepo.init().write("README.md", "# analysis\n");
        repo.commit("init", "Ada", "2024-01-01T10:00:00Z");
        Path hooks = repo.dir().resolve(".git/hooks");
        Files.createDirectories(hooks);
        Path existing = hooks.resolve("pre-commit");
        Files.writeString(existing, "#!/bin/sh\necho \"lint ran\" >> \"$(git rev-parse --git-dir)/lint.log\"\n");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));

        Map<String, String> env = Map.of("HOME", Files.createTempDirectory("labcloud-hook-home-").toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        CliResult install = CliResult.run(Environment.of(env), "scan", "install-hook", repo.dir().toString());
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(Files.readString(existing)).contains(HookInstaller.MARKER);
        assertThat(hooks.resolve(HookInstaller.CHAINED)).exists();
        assertThat(Files.readString(Path.of(env.get("HOME"), ".labcloud/audit.log"))).contains("scan.install-hook");

        String key = f.keyId();
        String secret = f.secret();
        repo.write("analysis/load.py", "import boto3\ns3 = boto3.client('s3',\n    aws_access_key_id='" + key
                + "',\n    aws_secret_access_key='" + secret + "')\n");
        repo.git("add", "-A");
        GitRepo.Result blocked = repo.tryRun(Map.of(), "commit", "-m", "load data");
        assertThat(blocked.exit()).as(blocked.toString()).isNotZero();
        String said = blocked.stdout() + blocked.stderr();
        assertThat(said).contains("commit blocked", "analysis/load.py:3", "analysis/load.py:4", "labcloud creds import",
                ".gitignore", "~/.aws/credentials").doesNotContain(key).doesNotContain(secret);
        assertThat(repo.git("rev-list", "--count", "HEAD").strip()).isEqualTo("1");
        assertThat(Files.readString(repo.dir().resolve(".git/lint.log"))).contains("lint ran");

        // The fix the message suggests: keys out of the code, through a profile.
        repo.write("analysis/load.py", "import boto3\ns3 = boto3.Session(profile_name='lab').client('s3')\n");
        repo.git("add", "-A");
        GitRepo.Result ok = repo.tryRun(Map.of(), "commit", "-m", "load data with a profile");
        assertThat(ok.exit()).as(ok.toString()).isZero();
        assertThat(repo.git("rev-list", "--count", "HEAD").strip()).isEqualTo("2");
        assertThat(Files.readAllLines(repo.dir().resolve(".git/lint.log"))).hasSize(2);

        // Installing again updates our hook and keeps chaining the original one, not itself.
        CliResult again = CliResult.run(Environment.of(env), "scan", "install-hook", repo.dir().toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.stderr()).contains("Updated");
        assertThat(Files.readString(hooks.resolve(HookInstaller.CHAINED))).contains("lint ran").doesNotContain(HookInstaller.MARKER);
    }

    @Test
    void hookRunsTheLauncherThatInstalledItWhileItIsThere() throws Exception {
        GitRepo repo = GitRepo.init().write("README.md", "# analysis\n");
        repo.commit("init", "Ada", "2024-01-01T10:00:00Z");
        // A launcher like ./labcloud: it notes that it ran, then runs labcloud on this JVM.
        Path bin = Files.createTempDirectory("labcloud-launcher-");
        Path calls = bin.resolve("calls.log");
        Path launcher = bin.resolve("labcloud");
        Files.writeString(launcher, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '" + System.getProperty("java.class.path")
                + "' labcloud.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("HOME", Files.createTempDirectory("labcloud-hook-home-").toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "LABCLOUD_LAUNCHER", launcher.toString());
        CliResult install = CliResult.run(Environment.of(env), "scan", "install-hook", repo.dir().toString());
        assertThat(install.exitCode()).as(install.toString()).isZero();

        repo.write("load.py", "KEY = '" + f.keyId() + "'\nSECRET = '" + f.secret() + "'\n");
        repo.git("add", "-A");
        GitRepo.Result blocked = repo.tryRun(Map.of(), "commit", "-m", "load data");
        assertThat(blocked.exit()).as(blocked.toString()).isNotZero();
        assertThat(blocked.stdout() + blocked.stderr()).contains("commit blocked", "load.py:1");
        assertThat(Files.readAllLines(calls)).containsExactly("scan --staged");

        // Without the launcher (moved, deleted), the hook runs labcloud on the JVM it was installed with.
        Files.delete(launcher);
        GitRepo.Result stillBlocked = repo.tryRun(Map.of(), "commit", "-m", "load data");
        assertThat(stillBlocked.exit()).as(stillBlocked.toString()).isNotZero();
        assertThat(stillBlocked.stdout() + stillBlocked.stderr()).contains("commit blocked", "load.py:1");
        assertThat(Files.readAllLines(calls)).hasSize(1);
    }

    @Test
    void failingChainedHookStillBlocks() throws Exception {
        GitRepo repo = GitRepo.init().write("README.md", "# analysis\n");
        repo.commit("init", "Ada", "2024-01-01T10:00:00Z");
        Path hook = repo.dir().resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho 'style check failed' >&2\nexit 3\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        CliResult install = CliResult.run(Environment.of(Map.of("HOME", Files.createTempDirectory("h").toString())),
                "scan", "install-hook", repo.dir().toString());
        assertThat(install.exitCode()).isZero();
        repo.write("clean.txt", "nothing secret\n");
        repo.git("add", "-A");
        GitRepo.Result r = repo.tryRun(Map.of(), "commit", "-m", "x");
        assertThat(r.exit()).isNotZero();
        assertThat(r.stderr()).contains("style check failed");
    }

    @Test
    void outsideARepositoryIsBadInput() throws Exception {
        Path dir = Files.createTempDirectory("labcloud-not-a-repo-");
        CliResult r = CliResult.run(Environment.of(Map.of("HOME", dir.toString())), "scan", "install-hook", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("not inside one");
    }
}
