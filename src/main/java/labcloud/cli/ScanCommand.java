package labcloud.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import labcloud.cli.output.Format;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import labcloud.scan.Finding;
import labcloud.scan.IgnoreList;
import labcloud.scan.SarifReport;
import labcloud.scan.ScanOptions;
import labcloud.scan.ScanReport;
import labcloud.scan.ScanResult;
import labcloud.scan.Scanner;
import labcloud.scan.Skipped;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", description = "Find AWS credentials and private keys in files, notebooks, staged changes or git history.",
        subcommands = ScanInstallHookCommand.class)
public final class ScanCommand extends BaseCommand {
    enum ReportFormat { TEXT, JSON, SARIF }

    private static final int NOTES_SHOWN = 10;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "directory, file or repository to scan (default: .)")
    Path path;

    /** What to scan besides the working tree: the whole history or the staged changes, not both. */
    @ArgGroup(exclusive = true)
    Source source = new Source();

    static final class Source {
        @Option(names = "--history", description = "scan every commit on every branch of the git repository")
        boolean history;

        @Option(names = "--staged", description = "scan the changes staged for commit (what the pre-commit hook runs)")
        boolean staged;
    }

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or sarif (default: text, or json with --output json)")
    ReportFormat format;

    @Option(names = "--baseline", paramLabel = "FILE", description = "an earlier `scan --format json` report: its findings are not reported again")
    Path baseline;

    @Option(names = "--ignore-file", paramLabel = "FILE", description = "fingerprints not to report (default: .labcloudignore at the top of the scanned tree)")
    Path ignoreFile;

    @Option(names = "--all-files", description = "also scan files that .gitignore excludes")
    boolean allFiles;

    @Option(names = "--verify", description = "ask AWS STS (GetCallerIdentity) whether each key pair found is live")
    boolean verify;

    @Option(names = "--max-file-size", paramLabel = "SIZE", description = "skip larger files, e.g. 20M (default: 50M)")
    String maxFileSize;

    @Override
    protected int run() {
        boolean history = source != null && source.history;
        boolean staged = source != null && source.staged;
        Path target = (path == null ? Path.of(".") : path).toAbsolutePath().normalize();
        if (!Files.exists(target)) throw new UsageException("no such file or directory: " + target);
        ScanOptions options = ScanOptions.defaults().withAllFiles(allFiles);
        if (maxFileSize != null) options = options.withMaxFileSize(parseSize(maxFileSize));
        options = options.withIgnored(ignored(target));

        Scanner scanner = new Scanner(options);
        ScanResult result;
        if (staged) result = scanner.scanStaged(target);
        else if (history) result = scanner.scanHistory(target, out().progress("scanning history"));
        else result = scanner.scanTree(target, out().progress("scanning"));
        if (verify && !result.pairs().isEmpty()) result = account().keyVerifier().verify(result);

        render(result);
        notes(result);
        if (staged && !result.clean()) howToFix(result);
        return result.clean() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private Set<String> ignored(Path target) {
        Set<String> fingerprints = new HashSet<>();
        if (baseline != null) fingerprints.addAll(IgnoreList.baseline(baseline));
        if (ignoreFile != null) {
            if (!Files.isRegularFile(ignoreFile)) throw new UsageException("--ignore-file " + ignoreFile + ": no such file");
            fingerprints.addAll(IgnoreList.ignoreFile(ignoreFile));
        } else {
            Path dir = Files.isDirectory(target) ? target : target.getParent();
            Path top = gitTop(dir);
            fingerprints.addAll(IgnoreList.ignoreFile((top != null ? top : dir).resolve(IgnoreList.FILE_NAME)));
        }
        return fingerprints;
    }

    private static Path gitTop(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) if (Files.exists(p.resolve(".git"))) return p;
        return null;
    }

    private void render(ScanResult r) {
        ReportFormat f = format != null ? format : (out().format() == Format.JSON ? ReportFormat.JSON : ReportFormat.TEXT);
        switch (f) {
            case JSON -> out().json(ScanReport.json(r));
            case SARIF -> out().json(SarifReport.of(r, VersionProvider.version()));
            case TEXT -> {
                Table t = new Table().fixed("RULE").fixed("LOCATION").fixed("MATCH");
                boolean commits = r.mode().equals("history");
                if (commits) t.fixed("COMMIT").left("AUTHOR").fixed("DATE");
                if (verify) t.fixed("KEY");
                for (Finding x : r.findings()) {
                    Object[] row = new Object[(commits ? 6 : 3) + (verify ? 1 : 0)];
                    int i = 0;
                    row[i++] = x.rule().id();
                    row[i++] = x.where();
                    row[i++] = x.shown();
                    if (commits) {
                        row[i++] = x.commit().id().substring(0, 12);
                        row[i++] = authorName(x.commit().author());
                        row[i++] = x.commit().date().length() >= 10 ? x.commit().date().substring(0, 10) : x.commit().date();
                    }
                    if (verify) row[i] = x.verified() == null ? "" : x.verified();
                    t.row(row);
                }
                if (!r.findings().isEmpty()) out().table(t);
                String what = r.mode().equals("history")
                        ? r.commits() + " commits (" + r.files() + " file versions, " + mb(r.bytes()) + ")"
                        : r.files() + " files (" + mb(r.bytes()) + ")";
                out().info(r.findings().size() + " finding" + (r.findings().size() == 1 ? "" : "s") + " in " + what
                        + " in " + tenths(r.millis() / 1000.0) + " s"
                        + (r.ignored() > 0 ? "; " + r.ignored() + " ignored (baseline or " + IgnoreList.FILE_NAME + ")" : ""));
            }
        }
    }

    private void notes(ScanResult r) {
        List<Skipped> skipped = r.skipped();
        for (int i = 0; i < Math.min(NOTES_SHOWN, skipped.size()); i++) {
            out().info("note: skipped " + skipped.get(i).path() + ": " + skipped.get(i).reason());
        }
        if (skipped.size() > NOTES_SHOWN) {
            out().info("note: skipped " + (skipped.size() - NOTES_SHOWN) + " more files (--format json lists them all)");
        }
    }

    private void howToFix(ScanResult r) {
        var err = out().stderr();
        err.println();
        err.println("labcloud: commit blocked: " + r.findings().size() + " secret" + (r.findings().size() == 1 ? "" : "s")
                + " in the staged changes:");
        for (Finding f : r.findings()) err.println("  " + f.where() + ": " + f.rule().title() + " " + f.shown());
        err.println("How to fix:");
        err.println("  - move the key out of the code: `labcloud creds import FILE.csv --profile NAME` stores it in");
        err.println("    ~/.aws/credentials; then use the profile (AWS_PROFILE=NAME) instead of the key in code");
        err.println("  - keep credential files out of git: add the file to .gitignore, then `git rm --cached FILE`");
        err.println("  - a key that was ever pushed or shared must be rotated: `labcloud creds rotate`");
        err.println("  - not a secret? put `labcloud:allow` in a comment on that line, or its fingerprint in "
                + IgnoreList.FILE_NAME);
        err.flush();
    }

    /** "Ada Lovelace <ada@lab.example>" is "Ada Lovelace" in a table; JSON keeps the address. */
    private static String authorName(String author) {
        int lt = author.indexOf(" <");
        return lt > 0 ? author.substring(0, lt) : author;
    }

    static long parseSize(String s) {
        String v = s.strip().toUpperCase(Locale.ROOT);
        long mult = 1;
        if (v.endsWith("B")) v = v.substring(0, v.length() - 1);
        if (v.endsWith("K")) mult = 1024;
        else if (v.endsWith("M")) mult = 1024 * 1024;
        else if (v.endsWith("G")) mult = 1024L * 1024 * 1024;
        if (mult > 1) v = v.substring(0, v.length() - 1);
        try {
            long n = Long.parseLong(v.strip());
            if (n <= 0) throw new NumberFormatException();
            return n * mult;
        } catch (NumberFormatException e) {
            throw new UsageException("--max-file-size '" + s + "' is not a size (e.g. 500K, 20M, 1G)");
        }
    }

    private static String mb(long bytes) {
        return tenths(bytes / 1e6) + " MB";
    }

    /**
     * A size or duration (not negative) with one decimal. Neither String.format nor BigDecimal:
     * their first use costs a pre-commit hook's run 5-15 ms (Formatter's locale data; BigDecimal's
     * static tables, computed with BigInteger arithmetic before anything is compiled).
     */
    static String tenths(double v) {
        long t = Math.round(v * 10);
        return t / 10 + "." + t % 10;
    }
}
