package labcloud.transfer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import labcloud.aws.AwsErrors;
import labcloud.core.Sizes;
import software.amazon.awssdk.services.s3.model.Payer;

/**
 * Before a download from AWS S3 to a machine outside AWS: how many bytes would leave, what that
 * costs, and whether it is over the lab's threshold (100 GB unless configured; a GB is 2^30 bytes,
 * as AWS bills it). Also warns about Requester Pays buckets and objects in Glacier classes that
 * need a restore first.
 *
 * <p>The byte count is a cheap pass over the plan: new files and files whose size differs count in
 * full, and so do same-size files whose local copy is older than the object (likely edited).
 */
public final class EgressGuard {
    public static final long DEFAULT_THRESHOLD = 100 * Sizes.GIB;

    private final EgressPricing pricing;

    public EgressGuard(EgressPricing pricing) {
        this.pricing = pricing;
    }

    /** The estimate for a download; {@code over} says whether it needs a confirmation. */
    public record Check(long bytes, long files, double estimatedUsd, String pricingNote, long threshold, boolean over,
                        List<String> warnings) {}

    /** True when a copy from this side to that one is billed as egress to the internet. */
    public static boolean applies(Side from, Side to) {
        return !from.isLocal() && from.store().awsPriced() && to.isLocal();
    }

    public Check check(Side from, Iterator<PlanItem> plan, long threshold) {
        long bytes = 0, files = 0, glacier = 0;
        while (plan.hasNext()) {
            PlanItem p = plan.next();
            ObjectEntry e = switch (p) {
                case PlanItem.Copy c -> c.source();
                case PlanItem.CompareThenCopy c -> c.destination().modified().isBefore(c.source().modified()) ? c.source() : null;
                case PlanItem.Delete d -> null;
                case PlanItem.Refused r -> null;
            };
            if (e == null) continue;
            if (e.needsRestore()) {
                glacier++;
                continue;
            }
            bytes += e.size();
            files++;
        }
        List<String> warnings = new ArrayList<>();
        if (requesterPays(from)) {
            warnings.add("bucket " + from.bucket() + " is Requester Pays: you are charged for requests and transfer");
        }
        if (glacier > 0) {
            warnings.add(glacier + " object(s) are in a Glacier storage class and will fail until restored (aws s3api restore-object)");
        }
        EgressPricing.Estimate est = pricing.estimate(bytes, from.store().region());
        return new Check(bytes, files, est.usd(), est.note(), threshold, bytes > threshold, warnings);
    }

    private static boolean requesterPays(Side from) {
        try {
            return from.store().client().getBucketRequestPayment(b -> b.bucket(from.bucket())).payer() == Payer.REQUESTER;
        } catch (RuntimeException e) {
            if (AwsErrors.isAuth(e)) return false; // not allowed to ask: nothing to warn about
            return false;
        }
    }
}
