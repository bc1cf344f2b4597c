package labcloud.policy.rules;

import java.util.List;
import labcloud.trail.Trail;

/** Without a logging multi-region trail, activity in some region goes unrecorded. */
public final class CloudTrailNotMultiRegion extends BaseRule {
    public CloudTrailNotMultiRegion() {
        super("cloudtrail-not-multi-region", Severity.HIGH, "the account has a multi-region trail that is logging");
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        if (in.trails() == null) return;
        boolean covered = in.trails().stream().anyMatch(t -> t.multiRegion() && Boolean.TRUE.equals(t.logging()));
        if (covered) return;
        out.add(new Finding(cfg.id(), cfg.severity(), "account", in.account(), "global",
                in.trails().isEmpty() ? "no CloudTrail trail" : "no multi-region trail logging",
                Findings.details("trails", in.trails().stream().map(Trail::name).toList()), null, null, null,
                "aws cloudtrail create-trail --name lab-trail --s3-bucket-name BUCKET --is-multi-region-trail"
                        + " && aws cloudtrail start-logging --name lab-trail"));
    }
}
