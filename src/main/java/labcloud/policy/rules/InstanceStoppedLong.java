package labcloud.policy.rules;

import java.time.Instant;
import java.util.List;
import labcloud.inventory.Resource;

/** A stopped instance costs nothing, but its volumes (and an Elastic IP on it) still do. */
public final class InstanceStoppedLong extends BaseRule {
    public InstanceStoppedLong() {
        super("instance-stopped-long", Severity.LOW, "instances stopped for more than days (their volumes still cost)");
        param("days", Param.integer(14));
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        for (Resource r : in.resources()) {
            if (!Resource.EC2_INSTANCE.equals(r.type()) || !"stopped".equals(r.state())) continue;
            // Stopped since: CloudTrail's last StopInstances, else at least since launch.
            Instant since = in.stoppedAt() == null ? null : in.stoppedAt().get(r.id());
            if (since == null) since = ResourceFacts.instant(r, "launchTime");
            if (since == null) since = ResourceFacts.created(r);
            long days = ResourceFacts.days(since, in.asOf());
            if (days <= cfg.intParam("days")) continue;
            double stake = 0;
            boolean known = false;
            for (Resource o : in.resources()) {
                if (r.id().equals(ResourceFacts.text(o, "attachedTo")) || r.id().equals(ResourceFacts.text(o, "instanceId"))) {
                    if (o.monthlyCost() != null) {
                        stake += o.monthlyCost();
                        known = true;
                    }
                }
            }
            out.add(Findings.about(in, cfg, cfg.severity(), r, "stopped " + days + " d",
                    Findings.details("stoppedSince", since == null ? null : since.toString(), "days", days,
                            "instanceType", ResourceFacts.text(r, "instanceType")),
                    known ? Math.round(stake * 100) / 100.0 : null,
                    "snapshot the volumes you need, then: aws ec2 terminate-instances --region " + r.region()
                            + " --instance-ids " + r.id()));
        }
    }
}
