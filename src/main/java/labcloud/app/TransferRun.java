package labcloud.app;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import labcloud.core.AuditLog;
import labcloud.core.Environment;
import labcloud.core.ProgressListener;
import labcloud.core.Sizes;
import labcloud.core.UsageException;
import labcloud.pricing.PriceCatalog;
import labcloud.transfer.DataMover;
import labcloud.transfer.EgressGuard;
import labcloud.transfer.EgressPricing;
import labcloud.transfer.TransferJob;
import labcloud.transfer.TransferReport;

/**
 * A copy or sync as the lab's rules want it: downloads from AWS S3 above the egress threshold need
 * a deliberate yes, with the cost shown first; then the run; then what changed goes to the audit log.
 * How to ask is the shell's business ({@link EgressConfirmation}); without a yes nothing is moved.
 */
public final class TransferRun {
    private TransferRun() {}

    /** Asked, with the size and cost, when a download is above the threshold; true goes ahead. */
    @FunctionalInterface
    public interface EgressConfirmation {
        boolean confirm(String question);

        /** For shells that cannot ask: only --confirm-egress lets a large download through. */
        EgressConfirmation REFUSE = question -> false;
    }

    /**
     * @param confirmed  the user already said yes (--confirm-egress)
     * @param dryRun     plan only: the guard reports but never blocks
     * @param threshold  bytes above which a download needs confirming, or null for {@link #threshold}'s default
     */
    public record Request(String command, TransferJob job, Long threshold, boolean confirmed, boolean dryRun) {}

    public record Outcome(TransferReport report, EgressGuard.Check egress) {}

    /** The egress threshold: the one given, else LABCLOUD_EGRESS_THRESHOLD, else 100 GB. */
    public static long threshold(Environment env, Long given) {
        if (given != null) return given;
        return env.get("LABCLOUD_EGRESS_THRESHOLD").map(v -> Sizes.parse("LABCLOUD_EGRESS_THRESHOLD", v))
                .orElse(EgressGuard.DEFAULT_THRESHOLD);
    }

    /**
     * @param warnings told about pricing caveats before any question
     * @throws UsageException when the download is above the threshold and nobody said yes (nothing moved)
     */
    public static Outcome run(Environment env, DataMover mover, Request req, EgressConfirmation ask,
                              Consumer<String> warnings, ProgressListener progress) {
        TransferJob job = req.job();
        EgressGuard.Check egress = null;
        if (EgressGuard.applies(job.from(), job.to())) {
            egress = mover.egressCheck(job, threshold(env, req.threshold()), EgressPricing.catalog(PriceCatalog.load(env)));
            egress.warnings().forEach(warnings);
            if (egress.over() && !req.confirmed() && !req.dryRun()) {
                String cost = Double.isNaN(egress.estimatedUsd()) ? "an unknown amount"
                        : "about $" + String.format(Locale.ROOT, "%.2f", egress.estimatedUsd());
                String what = "downloading " + Sizes.format(egress.bytes()) + " in " + egress.files() + " file(s) from S3 costs "
                        + cost + " in egress (" + egress.pricingNote() + ")";
                if (!ask.confirm(what + ", above the " + Sizes.format(egress.threshold()) + " threshold. Continue?")) {
                    throw new UsageException(what + "; that is above the " + Sizes.format(egress.threshold())
                            + " egress threshold: re-run with --confirm-egress to go ahead");
                }
            }
        }
        TransferReport r = mover.run(job, progress);
        if (!r.dryRun() && (r.copied() > 0 || r.deleted() > 0)) {
            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("source", job.from().toString());
            audit.put("destination", job.to().toString());
            audit.put("copied", r.copied());
            audit.put("bytes", r.bytes());
            audit.put("deleted", r.deleted());
            audit.put("failed", r.failures().size());
            new AuditLog(env).record("transfer." + req.command(), audit);
        }
        return new Outcome(r, egress);
    }
}
