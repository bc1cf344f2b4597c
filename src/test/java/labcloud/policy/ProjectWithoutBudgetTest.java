package labcloud.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import labcloud.policy.rules.AuditInput;
import labcloud.policy.rules.Finding;
import labcloud.policy.rules.ProjectSpend;
import labcloud.trail.OwnerAttribution;
import org.junit.jupiter.api.Test;

/** Rule project-without-budget over spend facts as ProjectSpend loads them from the store. */
class ProjectWithoutBudgetTest {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private static List<Finding> audit(LabPolicy p, ProjectSpend spend) {
        return Auditor.evaluate(p, new AuditInput("123456789012", List.of(), List.of(), NOW, OwnerAttribution.empty(), Map.of(), spend))
                .stream().filter(f -> f.rule().equals("project-without-budget")).toList();
    }

    @Test
    void projectsThatSpendWithoutABudgetAreFound() {
        ProjectSpend spend = new ProjectSpend(NOW, Map.of("climate", 35.23, "genomics", 62.18, "admin", 0.13), Set.of("genomics"));
        List<Finding> f = audit(PolicyLoader.builtIn(), spend);
        assertThat(f).extracting(Finding::resourceId).containsExactly("climate"); // admin spends less than $1
        assertThat(f.get(0).message()).isEqualTo("project spent $35.23 this month (as of 2026-12-07) and has no budget");
        assertThat(f.get(0).fix()).isEqualTo("labcloud budget set --project 'climate' --monthly USD --apply");
        assertThat(f.get(0).severity()).isEqualTo("medium");
        // The threshold is the policy's.
        LabPolicy strict = PolicyLoader.parse("rules:\n  project-without-budget: {minMonthlySpend: 0}\n", "p.yaml");
        assertThat(audit(strict, spend)).extracting(Finding::resourceId).containsExactlyInAnyOrder("climate", "admin");
    }

    @Test
    void quietWithoutSpendFacts() {
        assertThat(audit(PolicyLoader.builtIn(), null)).isEmpty();
    }
}
