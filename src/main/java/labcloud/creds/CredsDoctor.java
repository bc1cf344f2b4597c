package labcloud.creds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import labcloud.aws.AwsContext;
import labcloud.core.AuditLog;
import labcloud.core.Environment;
import labcloud.core.LabcloudException;
import labcloud.git.Git;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/**
 * Local credential hygiene: loose file permissions, keys in environment variables or shell start-up
 * files, key files in a git repository that .gitignore does not cover, old keys and missing MFA.
 * With fix=true it repairs what is safe to repair locally (chmod 600, .gitignore additions).
 */
public final class CredsDoctor {
    public record Report(List<Finding> findings, List<String> skipped) {
        public long open() {
            return findings.stream().filter(f -> !f.fixed()).count();
        }
    }

    static final List<String> SHELL_FILES = List.of(".bashrc", ".bash_profile", ".profile", ".zshrc", ".zprofile", ".zshenv");
    private static final Pattern SHELL_SECRET = Pattern.compile(
            "(?i)(AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|aws_secret_access_key)\\s*=|\\b(AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Set<PosixFilePermission> LOOSE = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Environment env;
    private final Path workDir;

    public CredsDoctor(Environment env, Path workDir) {
        this.env = env;
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    /**
     * @param aws        the AWS context for the IAM checks; a failure to get one skips those checks
     * @param maxKeyAge  keys older than this are findings
     */
    public Report run(Supplier<AwsContext> aws, Instant now, Duration maxKeyAge, boolean fix) {
        List<Finding> findings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        filePermissions(findings, fix);
        environmentKeys(findings);
        shellFiles(findings);
        repository(findings, skipped, fix);
        iam(aws, now, maxKeyAge, findings, skipped);
        return new Report(List.copyOf(findings), List.copyOf(skipped));
    }

    private void filePermissions(List<Finding> out, boolean fix) {
        for (Path f : List.of(env.awsCredentialsFile(), env.awsConfigFile(),
                env.awsCredentialsFile().resolveSibling(env.awsCredentialsFile().getFileName() + ".bak"))) {
            if (!Files.isRegularFile(f)) continue;
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
                if (perms.stream().noneMatch(LOOSE::contains)) continue;
                Finding finding = new Finding("file-permissions", "high", f.toString(),
                        "readable or writable by other users (mode " + PosixFilePermissions.toString(perms) + ")",
                        "chmod 600 " + f, false);
                if (fix) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                    record("chmod 600", f, null);
                    finding = finding.asFixed();
                }
                out.add(finding);
            } catch (IOException | UnsupportedOperationException e) {
                // not a POSIX file system: nothing to check
            }
        }
    }

    private void environmentKeys(List<Finding> out) {
        if (env.get("AWS_SECRET_ACCESS_KEY").isPresent() && env.get("AWS_SESSION_TOKEN").isEmpty()) {
            out.add(new Finding("environment-keys", "medium", "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY",
                    "a long-term secret key is set in the environment, where child processes, logs and crash reports see it",
                    "unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY; keep the key in a profile "
                            + "(labcloud creds import FILE.csv --profile NAME) and export AWS_PROFILE=NAME", false));
        }
    }

    private void shellFiles(List<Finding> out) {
        for (String name : SHELL_FILES) {
            Path f = env.home().resolve(name);
            if (!Files.isRegularFile(f)) continue;
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("#") || !SHELL_SECRET.matcher(line).find()) continue;
                out.add(new Finding("shell-profile", "high", f + " line " + (i + 1),
                        "an AWS key is written into a shell start-up file",
                        "delete the line, rotate the key (labcloud creds rotate --profile NAME) and keep it only in "
                                + "~/.aws/credentials", false));
            }
        }
    }

    private void repository(List<Finding> out, List<String> skipped, boolean fix) {
        Path root = gitRoot(workDir);
        if (root == null) {
            skipped.add("repository checks: " + workDir + " is not inside a git repository");
            return;
        }
        List<Path> candidates = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return name.equals(".git") || name.equals("node_modules") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && keyFilePattern(file.getFileName().toString()) != null) candidates.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            skipped.add("repository checks: cannot walk " + root + ": " + e.getMessage());
            return;
        }
        if (candidates.isEmpty()) return;
        List<String> relative = candidates.stream().map(p -> root.relativize(p).toString()).toList();
        Set<String> ignored;
        Set<String> tracked;
        try {
            Git git = Git.open(root).orElseThrow(() -> new LabcloudException(labcloud.core.ExitCode.FAILED,
                    "git does not accept " + root + " as a work tree"));
            byte[] names = (String.join("\n", relative) + "\n").getBytes(StandardCharsets.UTF_8);
            ignored = lines(gitAllowingExit1(git, names, "check-ignore", "--stdin"));
            tracked = lines(git.run("ls-files"));
        } catch (LabcloudException e) {
            skipped.add("repository checks: cannot run git (" + e.getMessage() + ")");
            return;
        }
        Set<String> patterns = new LinkedHashSet<>();
        List<Integer> fixable = new ArrayList<>();
        for (String rel : relative) {
            if (tracked.contains(rel)) {
                out.add(new Finding("repository-key-file", "high", root.resolve(rel).toString(),
                        "a key file is committed to git",
                        "git rm --cached " + rel + "; add it to .gitignore; rotate the key (it is in the history)", false));
            } else if (!ignored.contains(rel)) {
                String pattern = keyFilePattern(Path.of(rel).getFileName().toString());
                patterns.add(pattern);
                fixable.add(out.size());
                out.add(new Finding("repository-key-file", "high", root.resolve(rel).toString(),
                        "a key file in the git repository is not covered by .gitignore (one `git add .` from being committed)",
                        "add '" + pattern + "' to " + root.resolve(".gitignore") + " (labcloud creds doctor --fix)", false));
            }
        }
        if (fix && !patterns.isEmpty()) {
            appendGitignore(root.resolve(".gitignore"), patterns);
            for (int i : fixable) out.set(i, out.get(i).asFixed());
        }
    }

    /** The .gitignore pattern for a key file's name, or null if the name is not a key file. */
    static String keyFilePattern(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".pem")) return "*.pem";
        if (n.endsWith("accesskeys.csv")) return "*accessKeys.csv";
        if (n.endsWith("credentials.csv")) return "*credentials.csv";
        return null;
    }

    private void appendGitignore(Path gitignore, Set<String> patterns) {
        try {
            String existing = Files.exists(gitignore) ? Files.readString(gitignore, StandardCharsets.UTF_8) : "";
            StringBuilder add = new StringBuilder();
            if (!existing.isEmpty() && !existing.endsWith("\n")) add.append('\n');
            add.append("# AWS key files (added by labcloud creds doctor --fix)\n");
            for (String p : patterns) add.append(p).append('\n');
            Files.writeString(gitignore, add.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            record("gitignore", gitignore, List.copyOf(patterns));
        } catch (IOException e) {
            throw new LabcloudException(labcloud.core.ExitCode.FAILED, "cannot update " + gitignore + ": " + e.getMessage(), e);
        }
    }

    private void iam(Supplier<AwsContext> awsSupplier, Instant now, Duration maxKeyAge, List<Finding> out,
                     List<String> skipped) {
        try {
            AwsContext aws = awsSupplier.get();
            Identity id = WhoAmI.lookup(aws, now);
            if (!id.isIamUser()) {
                skipped.add("key age and MFA checks: the credentials are not an IAM user's");
                return;
            }
            String who = "IAM user " + id.userName();
            if (Boolean.FALSE.equals(id.mfaEnabled())) {
                out.add(new Finding("mfa", "high", who, "MFA is not enabled",
                        "assign a virtual MFA device in the IAM console (Security credentials), then use labcloud creds mfa",
                        false));
            }
            List<AccessKeyMetadata> keys = AwsContext.call(() -> aws.iam().listAccessKeys(b -> b.userName(id.userName())))
                    .accessKeyMetadata();
            for (AccessKeyMetadata k : keys) {
                long days = Duration.between(k.createDate(), now).toDays();
                if (Duration.ofDays(days).compareTo(maxKeyAge) <= 0) continue;
                out.add(new Finding("old-key", "medium", who + " key " + k.accessKeyId(),
                        "key is " + days + " days old (" + k.statusAsString() + "; limit " + maxKeyAge.toDays() + " days)",
                        k.accessKeyId().equals(id.accessKeyId()) ? "labcloud creds rotate --profile "
                                + (id.profile() == null ? "NAME" : id.profile()) + " --apply"
                                : "rotate or delete it: aws iam delete-access-key --user-name " + id.userName()
                                + " --access-key-id " + k.accessKeyId(), false));
            }
            for (String note : id.notes()) skipped.add(note);
        } catch (LabcloudException e) {
            skipped.add("key age and MFA checks: " + e.getMessage());
        }
    }

    private static Path gitRoot(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) return p;
        }
        return null;
    }

    /** check-ignore exits 1 when no path is ignored: that is an answer, not a failure. */
    private static byte[] gitAllowingExit1(Git git, byte[] stdin, String... args) {
        Git.Result r = git.exec(stdin, args);
        if (r.exit() > 1) throw new LabcloudException(labcloud.core.ExitCode.FAILED, "git " + args[0] + ": " + r.error());
        return r.stdout();
    }

    private static Set<String> lines(byte[] out) {
        Set<String> lines = new LinkedHashSet<>();
        new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(lines::add);
        return lines;
    }

    private void record(String change, Path file, Object detail) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("change", change);
        entry.put("file", file.toString());
        if (detail != null) entry.put("patterns", detail);
        new AuditLog(env).record("creds.doctor.fix", entry);
    }
}
