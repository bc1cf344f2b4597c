package labcloud.policy.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A project that spends money with no AWS budget watching it: nobody hears about it before the bill.
 * Reads the latest `labcloud cost` report in the store; without one the rule stays quiet.
 */
public final class ProjectWithoutBudget extends BaseRule {
    public ProjectWithoutBudget() {
        super("project-without-budget", Severity.MEDIUM, "Project tag values with spend this month (at least minMonthlySpend USD) and no AWS budget");
        param("minMonthlySpend", Param.integer(1));
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        ProjectSpend ps = in.spend();
        if (ps == null) return;
        int min = cfg.intParam("minMonthlySpend");
        for (Map.Entry<String, Double> e : ps.spend().entrySet()) {
            if (e.getValue() < min || ps.budgeted().contains(e.getKey())) continue;
            String project = e.getKey();
            out.add(new Finding(cfg.id(), cfg.severity(), "project", project, "global",
                    String.format(Locale.ROOT, "project spent $%.2f this month (as of %s) and has no budget", e.getValue(),
                            ps.asOf().toString().substring(0, 10)),
                    Findings.details("monthToDate", e.getValue(), "asOf", ps.asOf().toString()), null, null, null,
                    "labcloud budget set --project '" + project.replace("'", "'\\''") + "' --monthly USD --apply"));
        }
    }
}
