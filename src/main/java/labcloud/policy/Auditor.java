package labcloud.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import labcloud.policy.rules.AuditInput;
import labcloud.policy.rules.Finding;
import labcloud.policy.rules.Rule;
import labcloud.policy.rules.RuleCatalog;
import labcloud.policy.rules.RuleConfig;

/** Runs the enabled rules of a policy over the audit input; findings most severe first. */
public final class Auditor {
    private Auditor() {}

    public static List<Finding> evaluate(LabPolicy policy, AuditInput input) {
        List<Finding> out = new ArrayList<>();
        for (Rule rule : RuleCatalog.all()) {
            RuleConfig cfg = policy.rule(rule.id());
            if (cfg == null || !cfg.enabled()) continue;
            rule.evaluate(input, cfg, out);
        }
        List<String> order = RuleCatalog.ids();
        out.sort(Comparator.comparing(Finding::severityLevel).reversed()
                .thenComparing(f -> order.indexOf(f.rule()))
                .thenComparing(Finding::region, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Finding::resourceId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }
}
