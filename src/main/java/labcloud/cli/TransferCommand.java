package labcloud.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.app.LabAccount;
import labcloud.app.TransferRun;
import labcloud.cli.convert.SizeConverter;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.Sizes;
import labcloud.core.UsageException;
import labcloud.transfer.DataMover;
import labcloud.transfer.EgressGuard;
import labcloud.transfer.Filters;
import labcloud.transfer.TransferJob;
import labcloud.transfer.TransferReport;
import labcloud.transfer.TransferSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What cp and sync share: engine options, the egress guard, and how a report is shown. */
abstract class TransferCommand extends BaseCommand {
    @Mixin
    StoreOptions store;

    @Option(names = "--dry-run", description = "show what would be copied or deleted, and how many bytes; change nothing")
    boolean dryRun;

    @Option(names = "--include", paramLabel = "GLOB", description = "only keys matching GLOB (repeatable; last match wins)")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "leave out keys matching GLOB (repeatable)")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--transfers", paramLabel = "N", description = "files in flight at once (default: 64)")
    int transfers = 64;

    @Option(names = "--part-concurrency", paramLabel = "N", description = "parts of one large file in flight at once (default: 16)")
    int partConcurrency = 16;

    @Option(names = "--part-size", paramLabel = "SIZE", converter = SizeConverter.class, description = "multipart part size, at least 5MiB (default: 8MiB, grown to stay under 10,000 parts)")
    Long partSize;

    @Option(names = "--confirm-egress", description = "download from S3 even above the egress threshold")
    boolean confirmEgress;

    @Option(names = "--egress-threshold", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "downloads above this need confirming; a GB is 2^30 bytes, as AWS bills it (default: LABCLOUD_EGRESS_THRESHOLD or 100GB)")
    Long egressThreshold;

    private LabAccount transferAccount;
    private boolean rehash;

    /** sync --rehash: compare by reading every local file, not by remembered checksums. */
    protected void rehash(boolean r) {
        rehash = r;
    }

    protected LabAccount transferAccount() {
        if (transferAccount == null) transferAccount = store.account(root());
        return transferAccount;
    }

    protected DataMover mover() {
        TransferSettings s = TransferSettings.defaults().withDryRun(dryRun).withRehash(rehash);
        if (transfers < 1 || transfers > 1024) throw new UsageException("--transfers must be between 1 and 1024");
        s = s.withFiles(transfers);
        if (partConcurrency < 1 || partConcurrency > 256) throw new UsageException("--part-concurrency must be between 1 and 256");
        s = s.withPartsPerFile(partConcurrency);
        if (partSize != null) {
            long p = partSize;
            if (p < 5L * 1024 * 1024 || p > 5L * 1024 * 1024 * 1024) throw new UsageException("--part-size must be between 5MiB and 5GiB");
            s = s.withPartSize(p);
        }
        DataMover m = transferAccount().mover(s);
        root().closeLater(m);
        return m;
    }

    protected Filters filters() {
        Filters f = Filters.none();
        // the aws CLI applies filters in the order given; picocli keeps each list's order, so
        // excludes come first and includes can re-admit keys
        exclude.forEach(f::exclude);
        include.forEach(f::include);
        return f;
    }

    /**
     * Runs the job through the egress guard (for downloads from AWS S3, asking on a terminal) and
     * shows the report; returns the exit code.
     */
    protected int execute(String command, DataMover mover, TransferJob job) {
        TransferRun.Request req = new TransferRun.Request(command, job, egressThreshold, confirmEgress, dryRun);
        TransferRun.Outcome o = TransferRun.run(env(), mover, req, Prompts::confirm, out()::warn, out().progress(command));
        TransferReport r = o.report();
        render(job, r, o.egress());
        r.failures().forEach(f -> out().warn("failed: " + f.key() + ": " + f.error()));
        return r.partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }

    private void render(TransferJob job, TransferReport r, EgressGuard.Check egress) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", job.from().toString());
        json.put("destination", job.to().toString());
        json.put("dryRun", r.dryRun());
        json.put("copied", r.copied());
        json.put("bytes", r.bytes());
        json.put("unchanged", r.unchanged());
        json.put("checksummed", r.checksummed());
        json.put("deleted", r.deleted());
        json.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        json.put("failures", r.failures());
        if (r.dryRun()) {
            json.put("planned", r.planned());
            json.put("plannedBytes", r.planned().stream().filter(p -> p.action().equals("copy")).mapToLong(TransferReport.Planned::size).sum());
        }
        if (egress != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("bytes", egress.bytes());
            e.put("estimatedUsd", Double.isNaN(egress.estimatedUsd()) ? null : Math.round(egress.estimatedUsd() * 100) / 100.0);
            e.put("pricing", egress.pricingNote());
            e.put("threshold", egress.threshold());
            e.put("warnings", egress.warnings());
            json.put("egress", e);
        }
        Table t;
        if (r.dryRun()) {
            t = new Table().fixed("ACTION").left("KEY").right("SIZE").left("WHY");
            long total = 0;
            for (TransferReport.Planned p : r.planned()) {
                t.row("would " + p.action(), p.key(), Sizes.format(p.size()), p.reason());
                if (p.action().equals("copy")) total += p.size();
            }
            t.total("total", r.planned().size() + " action(s), " + r.unchanged() + " unchanged", Sizes.format(total), "");
        } else {
            t = new Table().right("COPIED").right("BYTES").right("UNCHANGED").right("DELETED").right("FAILED").right("TIME").right("RATE");
            t.row(r.copied(), Sizes.format(r.bytes()), r.unchanged(), r.deleted(), r.failures().size(),
                    String.format("%.1fs", r.seconds()), Sizes.format((long) (r.bytes() / Math.max(0.001, r.seconds()))) + "/s");
        }
        out().result(json, t);
    }
}
