package labcloud.policy.rules;

import java.util.List;
import labcloud.inventory.Resource;

/** Resources outside the regions the lab works in (an empty list allows every region). */
public final class RegionNotAllowed extends BaseRule {
    public RegionNotAllowed() {
        super("region-not-allowed", Severity.HIGH, "resources only in the lab's regions (empty list: any region)");
        param("regions", Param.list());
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        List<String> allowed = cfg.listParam("regions");
        if (allowed.isEmpty()) return;
        for (Resource r : in.resources()) {
            if (r.region() == null || "global".equals(r.region()) || allowed.contains(r.region())) continue;
            out.add(Findings.about(in, cfg, r, "not a lab region",
                    Findings.details("allowedRegions", allowed), "move it to " + allowed.get(0) + " or ask the owner to delete it"));
        }
    }
}
