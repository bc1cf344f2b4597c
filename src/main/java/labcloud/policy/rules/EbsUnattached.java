package labcloud.policy.rules;

import java.util.List;
import labcloud.inventory.Resource;

/** Volumes attached to nothing still cost their full price every month. */
public final class EbsUnattached extends BaseRule {
    public EbsUnattached() {
        super("ebs-unattached", Severity.MEDIUM, "EBS volumes attached to no instance for minDays or more");
        param("minDays", Param.integer(0));
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        for (Resource r : in.resources()) {
            if (!Resource.EBS_VOLUME.equals(r.type()) || !unattached(r)) continue;
            // Without a DetachVolume record, the volume's age is the lower bound of its time alone.
            long days = ResourceFacts.days(ResourceFacts.created(r), in.asOf());
            if (days < cfg.intParam("minDays")) continue;
            String type = ResourceFacts.text(r, "volumeType");
            out.add(Findings.about(in, cfg, r, Findings.gb(ResourceFacts.number(r, "sizeGb")) + " GiB"
                            + (type == null ? "" : " " + type) + ", " + days + " d",
                    Findings.details("sizeGb", ResourceFacts.number(r, "sizeGb"), "volumeType", type, "daysUnattached", days),
                    "snapshot if needed, then: aws ec2 delete-volume --region " + r.region() + " --volume-id " + r.id()));
        }
    }

    static boolean unattached(Resource r) {
        String attached = ResourceFacts.text(r, "attachedTo");
        return (attached == null || attached.isBlank()) && !"in-use".equals(r.state());
    }
}
