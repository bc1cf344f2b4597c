package labcloud.policy.rules;

import java.time.Instant;
import java.util.List;
import labcloud.inventory.Resource;

/** Active keys nobody uses are pure risk: never used after neverUsedDays, or idle for idleDays. */
public final class AccessKeyUnused extends BaseRule {
    public AccessKeyUnused() {
        super("access-key-unused", Severity.MEDIUM, "active access keys never used after neverUsedDays, or not used for idleDays");
        param("neverUsedDays", Param.integer(30));
        param("idleDays", Param.integer(90));
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        for (Resource r : in.resources()) {
            if (!Resource.IAM_ACCESS_KEY.equals(r.type()) || !"Active".equalsIgnoreCase(AccessKeyAge.status(r))) continue;
            Instant lastUsed = ResourceFacts.instant(r, "lastUsed");
            String user = ResourceFacts.text(r, "userName");
            String message;
            long days;
            if (lastUsed == null) {
                days = ResourceFacts.days(ResourceFacts.created(r), in.asOf());
                if (ResourceFacts.created(r) == null || days < cfg.intParam("neverUsedDays")) continue;
                message = "never used, " + days + " d";
            } else {
                days = ResourceFacts.days(lastUsed, in.asOf());
                if (days < cfg.intParam("idleDays")) continue;
                message = "unused " + days + " d";
            }
            out.add(Findings.about(in, cfg, r, message,
                    Findings.details("userName", user, "lastUsed", lastUsed == null ? null : lastUsed.toString(), "days", days),
                    "aws iam update-access-key --user-name " + user + " --access-key-id " + r.id() + " --status Inactive"));
        }
    }
}
