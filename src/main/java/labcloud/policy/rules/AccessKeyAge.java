package labcloud.policy.rules;

import java.time.Instant;
import java.util.List;
import labcloud.inventory.Resource;

/** Active keys older than maxDays must be rotated; from warnDays on, a warning at warnSeverity. */
public final class AccessKeyAge extends BaseRule {
    public AccessKeyAge() {
        super("access-key-age", Severity.HIGH, "active access keys are rotated after maxDays (warning from warnDays)");
        param("maxDays", Param.integer(90));
        param("warnDays", Param.integer(75));
        param("warnSeverity", Param.severity(Severity.LOW));
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        int max = cfg.intParam("maxDays");
        int warn = cfg.intParam("warnDays");
        for (Resource r : in.resources()) {
            if (!Resource.IAM_ACCESS_KEY.equals(r.type()) || !"Active".equalsIgnoreCase(status(r))) continue;
            Instant created = ResourceFacts.created(r);
            if (created == null) continue;
            long age = ResourceFacts.days(created, in.asOf());
            if (age < warn && age < max) continue;
            boolean overdue = age >= max;
            Severity sev = overdue ? cfg.severity() : Severity.parse(cfg.stringParam("warnSeverity"));
            String user = ResourceFacts.text(r, "userName");
            out.add(Findings.about(in, cfg, sev, r, age + " d old, " + (overdue ? "over " : "due at ") + max,
                    Findings.details("userName", user, "ageDays", age, "createdAt", created.toString(), "maxDays", max),
                    null, "labcloud creds rotate (run by " + (user == null ? "the key's user" : user) + ")"));
        }
    }

    static String status(Resource r) {
        String s = ResourceFacts.text(r, "status");
        return s != null ? s : r.state();
    }
}
