package labcloud.policy.rules;

import java.time.Instant;
import java.util.List;
import labcloud.inventory.Resource;

/** Long-running instances are often forgotten ones: ask the owner. */
public final class InstanceRunningLong extends BaseRule {
    public InstanceRunningLong() {
        super("instance-running-long", Severity.LOW, "instances running for more than days (ask the owner)");
        param("days", Param.integer(7));
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        for (Resource r : in.resources()) {
            if (!Resource.EC2_INSTANCE.equals(r.type()) || !"running".equals(r.state())) continue;
            Instant launched = ResourceFacts.instant(r, "launchTime");
            if (launched == null) launched = ResourceFacts.created(r);
            long days = ResourceFacts.days(launched, in.asOf());
            if (days <= cfg.intParam("days")) continue;
            String owner = in.ownerOf(r).name();
            out.add(Findings.about(in, cfg, r, "running " + days + " d",
                    Findings.details("launchTime", launched == null ? null : launched.toString(), "days", days,
                            "instanceType", ResourceFacts.text(r, "instanceType")),
                    "ask " + (owner == null ? "the owner" : owner) + "; if idle: aws ec2 stop-instances --region "
                            + r.region() + " --instance-ids " + r.id()));
        }
    }
}
