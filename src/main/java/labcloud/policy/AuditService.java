package labcloud.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import labcloud.aws.AwsContext;
import labcloud.core.RegionError;
import labcloud.inventory.Resource;
import labcloud.policy.rules.AuditInput;
import labcloud.policy.rules.Finding;
import labcloud.policy.rules.ProjectSpend;
import labcloud.policy.rules.Severity;
import labcloud.trail.TrailFacts;

/**
 * The audit: the inventory's resources plus what CloudTrail says (trails, creators, stop times),
 * checked against the lab policy, compared with the previous run's findings.
 */
public final class AuditService {
    private final AwsContext aws;

    public AuditService(AwsContext aws) {
        this.aws = aws;
    }

    /**
     * @param resources       the inventory's resources (tags, details, monthly cost)
     * @param inventoryErrors regions or services the inventory could not read
     * @param asOf            when to evaluate age rules; history is saved only for real (present) runs
     * @param history         null to skip first-seen tracking
     */
    public AuditReport audit(LabPolicy policy, String account, List<Resource> resources, List<RegionError> inventoryErrors,
                             List<String> regions, Instant asOf, boolean hypothetical, FindingHistory history) {
        return audit(policy, account, resources, inventoryErrors, regions, asOf, hypothetical, history, null);
    }

    /** @param spend spend and budgets per project, or null when unknown (project-without-budget stays quiet) */
    public AuditReport audit(LabPolicy policy, String account, List<Resource> resources, List<RegionError> inventoryErrors,
                             List<String> regions, Instant asOf, boolean hypothetical, FindingHistory history, ProjectSpend spend) {
        TrailFacts facts = TrailFacts.load(aws, resources, regions);
        List<RegionError> errors = new ArrayList<>(inventoryErrors);
        errors.addAll(facts.errors());
        // Trails that could not be listed at all are unknown, not absent: the CloudTrail rules then stay quiet.
        boolean trailsUnknown = facts.trails().isEmpty()
                && facts.errors().stream().anyMatch(e -> "cloudtrail".equals(e.service()));
        AuditInput input = new AuditInput(account, resources, trailsUnknown ? null : facts.trails(), asOf,
                facts.creators(), facts.stoppedAt(), spend);
        List<Finding> findings = Auditor.evaluate(policy, input);
        if (history != null) {
            findings = history.track(account, findings, Instant.now(), !hypothetical, errors.isEmpty());
        }
        return new AuditReport(findings, summary(findings, policy, asOf, facts.source()), errors);
    }

    /**
     * The money the findings put at stake, each resource counted once: an untagged volume that is also
     * unattached costs its price once, not twice (the largest of its findings' figures).
     */
    public static double costAtStake(List<Finding> findings) {
        Map<String, Double> byResource = new java.util.HashMap<>();
        for (Finding f : findings) {
            if (f.monthlyCost() != null) byResource.merge(f.resourceType() + " " + f.resourceId(), f.monthlyCost(), Math::max);
        }
        return Math.round(byResource.values().stream().mapToDouble(Double::doubleValue).sum() * 100) / 100.0;
    }

    static Map<String, Object> summary(List<Finding> findings, LabPolicy policy, Instant asOf, String trailSource) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("total", findings.size());
        s.put("new", findings.stream().filter(f -> "new".equals(f.status())).count());
        s.put("persisting", findings.stream().filter(f -> "persisting".equals(f.status())).count());
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Severity sev : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            bySeverity.put(sev.label(), findings.stream().filter(f -> f.severityLevel() == sev).count());
        }
        s.put("bySeverity", bySeverity);
        Map<String, Long> byRule = new TreeMap<>();
        findings.forEach(f -> byRule.merge(f.rule(), 1L, Long::sum));
        s.put("byRule", byRule);
        s.put("monthlyCostAtStake", costAtStake(findings));
        s.put("asOf", asOf.toString());
        s.put("policy", policy.source());
        s.put("cloudTrail", trailSource);
        return s;
    }
}
