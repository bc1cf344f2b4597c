package labcloud.policy.rules;

import java.util.List;
import labcloud.inventory.Resource;

/**
 * A running instance whose CPU stayed low all day is most likely forgotten: it bills by the hour
 * whether anyone uses it or not. Needs the inventory's CloudWatch CPU figures (5-minute averages).
 */
public final class InstanceIdleRunning extends BaseRule {
    public InstanceIdleRunning() {
        super("instance-idle-running", Severity.MEDIUM,
                "running instances whose CPU (5-minute averages) stayed below cpuPercent for the last day");
        param("cpuPercent", Param.integer(5));
        param("minHours", Param.integer(20));
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        int threshold = cfg.intParam("cpuPercent");
        int minHours = cfg.intParam("minHours");
        for (Resource r : in.resources()) {
            if (!Resource.EC2_INSTANCE.equals(r.type()) || !"running".equals(r.state())) continue;
            Double max = ResourceFacts.number(r, "cpuMaxPercent24h");
            Double hours = ResourceFacts.number(r, "cpuHours24h");
            // too little data (just started, or no metrics) is no evidence of idleness
            if (max == null || hours == null || hours < minHours || max >= threshold) continue;
            Double perDay = r.monthlyCost() == null ? null : Math.round(r.monthlyCost() / 730.0 * 24 * 100) / 100.0;
            String owner = in.ownerOf(r).name();
            out.add(Findings.about(in, cfg, cfg.severity(), r,
                    "running idle: CPU at most " + max + "% for " + hours.intValue() + " h"
                            + (perDay == null ? "" : ", $" + String.format("%.2f", perDay) + "/day"),
                    Findings.details("cpuMaxPercent24h", max, "hours", hours.intValue(), "costPerDay", perDay,
                            "instanceType", ResourceFacts.text(r, "instanceType")),
                    r.monthlyCost(),
                    "ask " + (owner == null ? "the owner" : owner) + "; if unused: aws ec2 stop-instances --region "
                            + r.region() + " --instance-ids " + r.id()));
        }
    }
}
