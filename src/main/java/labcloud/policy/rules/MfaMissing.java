package labcloud.policy.rules;

import java.util.List;
import labcloud.inventory.Resource;

/** Users who can sign in to the console without a second factor. */
public final class MfaMissing extends BaseRule {
    public MfaMissing() {
        super("mfa-missing", Severity.HIGH, "IAM users with console access have MFA");
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        for (Resource r : in.resources()) {
            if (!Resource.IAM_USER.equals(r.type())) continue;
            if (Boolean.TRUE.equals(ResourceFacts.bool(r, "consoleAccess")) && Boolean.FALSE.equals(ResourceFacts.bool(r, "mfaActive"))) {
                out.add(Findings.about(in, cfg, r, "console, no MFA", Findings.details(),
                        "enable an MFA device for " + r.id() + " (IAM console: Users > Security credentials)"));
            }
        }
    }
}
