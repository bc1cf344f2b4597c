package labcloud.policy.rules;

import java.util.List;
import labcloud.inventory.Resource;

/** Buckets anyone on the internet can read (research data is rarely meant to be). */
public final class S3Public extends BaseRule {
    public S3Public() {
        super("s3-public", Severity.HIGH, "S3 buckets readable by anyone");
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        for (Resource r : in.resources()) {
            if (!Resource.S3_BUCKET.equals(r.type()) || !Boolean.TRUE.equals(ResourceFacts.bool(r, "public"))) continue;
            out.add(Findings.about(in, cfg, r, ResourceFacts.text(r, "publicVia") == null ? "public" : "public (" + ResourceFacts.text(r, "publicVia") + ")",
                    Findings.details("publicAccessBlock", ResourceFacts.get(r, "publicAccessBlock")),
                    "aws s3api put-public-access-block --bucket " + r.id() + " --public-access-block-configuration "
                            + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"));
        }
    }
}
