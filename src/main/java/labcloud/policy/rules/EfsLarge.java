package labcloud.policy.rules;

import java.util.List;
import labcloud.inventory.Resource;

/** EFS costs about ten times S3 per GB: big file systems deserve a look. */
public final class EfsLarge extends BaseRule {
    public EfsLarge() {
        super("efs-large", Severity.LOW, "EFS file systems larger than maxGb");
        param("maxGb", Param.integer(500));
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        for (Resource r : in.resources()) {
            if (!Resource.EFS_FILESYSTEM.equals(r.type())) continue;
            Double bytes = ResourceFacts.number(r, "sizeBytes");
            if (bytes == null) continue; // size unknown (the emulator does not report it)
            double gb = bytes / (1024.0 * 1024 * 1024);
            if (gb <= cfg.intParam("maxGb")) continue;
            out.add(Findings.about(in, cfg, r, Math.round(gb) + " GiB > " + cfg.intParam("maxGb"),
                    Findings.details("sizeGb", Math.round(gb * 10) / 10.0),
                    "move cold data to S3: labcloud sync <mount>/DIR s3://BUCKET/DIR"));
        }
    }
}
