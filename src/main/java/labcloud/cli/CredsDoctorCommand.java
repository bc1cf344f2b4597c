package labcloud.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.cli.output.Format;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import labcloud.creds.CredsDoctor;
import labcloud.creds.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Check local credential hygiene; each finding comes with its fix (exit 1 if any).")
public final class CredsDoctorCommand extends BaseCommand {
    @Option(names = {"--fix", "--apply"}, description = "fix what can be fixed locally: chmod 600, .gitignore additions")
    boolean fix;

    @Option(names = "--dir", paramLabel = "PATH", description = "where to look for a git repository (default: current directory)")
    Path dir = Path.of(".");

    @Option(names = "--max-key-age", paramLabel = "DAYS", description = "keys older than this are findings (default 90)")
    int maxKeyAge = 90;

    @Option(names = "--as-of", paramLabel = "DATE", description = "evaluate key age at this date (YYYY-MM-DD), e.g. to see what is due soon")
    String asOf;

    @Override
    protected int run() {
        if (maxKeyAge < 0) throw new UsageException("--max-key-age must be 0 or more days");
        Instant now = Instant.now();
        if (asOf != null) {
            try {
                now = LocalDate.parse(asOf.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new UsageException("--as-of '" + asOf + "' is not a date (YYYY-MM-DD)");
            }
        }
        CredsDoctor.Report report = account().credsDoctor(dir, now, Duration.ofDays(maxKeyAge), fix);

        Table t = new Table().left("CHECK").left("SEVERITY").left("WHERE").left("PROBLEM").left("FIX");
        for (Finding f : report.findings()) {
            t.row(f.check(), f.severity(), f.subject(), f.message(), f.fixed() ? "FIXED: " + f.fix() : f.fix());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("open", report.open());
        summary.put("fixed", report.findings().size() - report.open());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("findings", report.findings());
        json.put("skipped", report.skipped());
        json.put("summary", summary);
        if (out().format() != Format.TABLE) {
            out().result(json, t);
        } else if (report.findings().isEmpty()) {
            out().line("No credential hygiene problems found.");
        } else {
            // Paths and fixes are too long for table columns: one block per finding reads better.
            for (Finding f : report.findings()) {
                out().line((f.fixed() ? "FIXED " : "") + f.severity().toUpperCase() + " " + f.check() + ": " + f.subject());
                out().line("  problem: " + f.message());
                out().line("  fix:     " + f.fix());
            }
            out().line(report.open() + " open, " + (report.findings().size() - report.open()) + " fixed");
        }
        report.skipped().forEach(s -> out().info("skipped: " + s));
        if (!fix && report.open() > 0 && report.findings().stream().anyMatch(f -> f.check().equals("repository-key-file")
                || f.check().equals("file-permissions"))) {
            out().info("Dry run: nothing changed; --fix adds the .gitignore entries and tightens file modes.");
        }
        return report.open() > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
