package labcloud.policy.rules;

import java.util.List;
import labcloud.inventory.Resource;

/** An Elastic IP associated with nothing is billed by the hour for nothing. */
public final class EipIdle extends BaseRule {
    public EipIdle() {
        super("eip-idle", Severity.LOW, "Elastic IPs associated with nothing");
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        for (Resource r : in.resources()) {
            if (!Resource.ELASTIC_IP.equals(r.type()) || !Boolean.FALSE.equals(ResourceFacts.bool(r, "associated"))) continue;
            out.add(Findings.about(in, cfg, r, "not associated", Findings.details("publicIp", ResourceFacts.text(r, "publicIp")),
                    "aws ec2 release-address --region " + r.region() + " --allocation-id " + r.id()));
        }
    }
}
