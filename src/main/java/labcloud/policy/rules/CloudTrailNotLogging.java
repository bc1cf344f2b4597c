package labcloud.policy.rules;

import java.util.List;
import labcloud.trail.Trail;

/** A trail that exists but is stopped gives a false sense of being recorded. */
public final class CloudTrailNotLogging extends BaseRule {
    public CloudTrailNotLogging() {
        super("cloudtrail-not-logging", Severity.MEDIUM, "every trail is logging (or deleted)");
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        if (in.trails() == null) return;
        for (Trail t : in.trails()) {
            if (!Boolean.FALSE.equals(t.logging())) continue;
            out.add(new Finding(cfg.id(), cfg.severity(), "cloudtrail-trail", t.name(), t.homeRegion(),
                    t.multiRegion() ? "not logging" : "not logging, 1 region",
                    Findings.details("arn", t.arn(), "multiRegion", t.multiRegion(), "bucket", t.bucket()), null, null, null,
                    "aws cloudtrail start-logging --region " + t.homeRegion() + " --name " + t.name()
                            + " (or delete-trail if it is a leftover)"));
        }
    }
}
