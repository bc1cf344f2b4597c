package labcloud.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A git repository whose own config names a program for every git feature that can run one. Each
 * program only creates a marker file named after the feature, so a test sees which ones ran.
 */
final class HostileRepo {
    static final List<String> HOOKS = List.of("pre-commit", "post-commit", "post-checkout", "post-index-change",
            "pre-auto-gc", "reference-transaction", "post-rewrite", "pre-push", "fsmonitor-watchman", "push-to-checkout",
            "post-merge", "prepare-commit-msg", "commit-msg", "pre-rebase", "post-applypatch", "pre-applypatch",
            "applypatch-msg", "update", "pre-receive", "post-receive", "post-update", "proc-receive", "pre-merge-commit");

    final GitRepo repo;
    final Path markers;
    private final Path bin;

    private HostileRepo(GitRepo repo, Path markers, Path bin) {
        this.repo = repo;
        this.markers = markers;
        this.bin = bin;
    }

    /** Poisons an existing repository's config (after the test built its commits and index). */
    static HostileRepo poison(GitRepo repo) throws IOException {
        Path outside = Files.createTempDirectory("labcloud-hostile-");
        HostileRepo h = new HostileRepo(repo, Files.createDirectories(outside.resolve("markers")),
                Files.createDirectories(outside.resolve("bin")));
        h.configure(outside);
        // Setting the trap is not under test: only what labcloud makes git run afterwards counts.
        try (Stream<Path> s = Files.list(h.markers)) {
            for (Path m : s.toList()) Files.delete(m);
        }
        return h;
    }

    /** The markers that exist: the features that ran a program. */
    List<String> ran() throws IOException {
        try (Stream<Path> s = Files.list(markers)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String program(String feature) throws IOException {
        Path p = bin.resolve(feature);
        Files.writeString(p, "#!/bin/sh\ntouch '" + markers.resolve(feature) + "'\nexit 1\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p.toString();
    }

    private void set(String key, String feature) throws IOException {
        repo.git("config", key, program(feature));
    }

    private void configure(Path outside) throws IOException {
        Path dir = repo.dir();
        // Attributes that send every path through the repository's drivers.
        Files.writeString(dir.resolve(".git/info/attributes"), "* filter=evil diff=evil merge=evil\n*.txt filter=inc diff=inc\n");
        Files.writeString(dir.resolve(".gitattributes"), "* filter=evil diff=evil merge=evil\n");
        set("core.fsmonitor", "core.fsmonitor");
        set("diff.external", "diff.external");
        set("filter.evil.clean", "filter.clean");
        set("filter.evil.smudge", "filter.smudge");
        set("filter.evil.process", "filter.process");
        repo.git("config", "filter.evil.required", "true");
        set("diff.evil.command", "diff.driver.command");
        set("diff.evil.textconv", "diff.driver.textconv");
        set("merge.evil.driver", "merge.driver");
        set("core.pager", "core.pager");
        set("pager.log", "pager.log");
        set("pager.diff", "pager.diff");
        set("pager.ls-files", "pager.ls-files");
        set("core.editor", "core.editor");
        set("sequence.editor", "sequence.editor");
        set("core.sshCommand", "core.sshCommand");
        set("core.gitProxy", "core.gitProxy");
        set("core.askPass", "core.askPass");
        repo.git("config", "credential.helper", "!" + program("credential.helper"));
        set("core.alternateRefsCommand", "core.alternateRefsCommand");
        // Signature checks on every log line, through each signature format's program.
        repo.git("config", "log.showSignature", "true");
        set("gpg.program", "gpg.program");
        set("gpg.openpgp.program", "gpg.openpgp.program");
        set("gpg.x509.program", "gpg.x509.program");
        set("gpg.ssh.program", "gpg.ssh.program");
        set("gpg.ssh.defaultKeyCommand", "gpg.ssh.defaultKeyCommand");
        Path signers = Files.writeString(outside.resolve("signers"), "eve@example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB\n");
        repo.git("config", "gpg.ssh.allowedSignersFile", signers.toString());
        signedCommit("PGP SIGNATURE");
        signedCommit("SSH SIGNATURE");
        signedCommit("SIGNED MESSAGE");
        // Hooks, both where core.hooksPath points and in .git/hooks.
        Path hooks = Files.createDirectories(outside.resolve("hooks"));
        for (String hook : HOOKS) {
            Path p = hooks.resolve(hook);
            Files.copy(Path.of(program("hook." + hook)), p);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.copy(p, Files.createDirectories(dir.resolve(".git/hooks")).resolve(hook),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        repo.git("config", "core.hooksPath", hooks.toString());
        // Config pulled in from elsewhere: a plain include and a conditional one.
        Path included = outside.resolve("included.config");
        Files.writeString(included, "[filter \"inc\"]\n\tclean = " + program("include.filter.clean") + "\n\tsmudge = "
                + program("include.filter.smudge") + "\n\tprocess = " + program("include.filter.process") + "\n");
        repo.git("config", "include.path", included.toString());
        Path conditional = outside.resolve("conditional.config");
        Files.writeString(conditional, "[diff \"inc\"]\n\ttextconv = " + program("includeIf.diff.textconv")
                + "\n\tcommand = " + program("includeIf.diff.command") + "\n[core]\n\tfsmonitor = "
                + program("includeIf.core.fsmonitor") + "\n");
        repo.git("config", "includeIf.gitdir:" + dir.resolve(".git") + "/.path", conditional.toString());
        // A partial clone missing a blob from its history: reading it would fetch from the promisor
        // remote, through a remote-side program the repository names.
        lazyFetchTrap(outside);
    }

    /** A commit carrying a signature block of the given armor (not a valid signature: checking it is what runs the program). */
    private void signedCommit(String armor) {
        String tree = repo.git("rev-parse", "HEAD^{tree}").strip();
        String parent = repo.git("rev-parse", "HEAD").strip();
        String body = "tree " + tree + "\nparent " + parent + "\nauthor Eve <eve@example.org> 1700000000 +0000\n"
                + "committer Eve <eve@example.org> 1700000000 +0000\ngpgsig -----BEGIN " + armor + "-----\n \n AAAA\n -----END "
                + armor + "-----\n\nsigned\n";
        String id = repo.runWithInput(body, "hash-object", "-t", "commit", "-w", "--stdin").strip();
        repo.git("update-ref", "refs/heads/signed-" + armor.toLowerCase().replace(' ', '-'), id);
    }

    private void lazyFetchTrap(Path outside) throws IOException {
        String blob = repo.git("rev-parse", "HEAD~1:history.txt").strip();
        Path loose = repo.dir().resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
        Files.delete(loose);
        repo.git("config", "core.repositoryformatversion", "1");
        repo.git("config", "extensions.partialClone", "origin");
        repo.git("config", "remote.origin.url", outside.toString());
        repo.git("config", "remote.origin.promisor", "true");
        set("remote.origin.uploadpack", "remote.uploadpack");
        repo.git("config", "protocol.allow", "always");
        repo.git("config", "protocol.file.allow", "always");
        repo.git("config", "protocol.ext.allow", "always");
    }
}
