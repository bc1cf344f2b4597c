package labcloud.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import labcloud.core.RegionError;
import labcloud.policy.rules.Finding;
import labcloud.policy.rules.Severity;

/**
 * The audit's result; its JSON form is {@code {"findings":[...],"summary":{...},"errors":[...]}}.
 *
 * @param summary counts (total, new, persisting, by severity, by rule), money at stake, as-of time,
 *                the policy in effect and where the CloudTrail facts came from
 */
@JsonPropertyOrder({"findings", "summary", "errors"})
public record AuditReport(List<Finding> findings, Map<String, Object> summary, List<RegionError> errors) {
    @JsonIgnore
    public boolean partial() {
        return !errors.isEmpty();
    }

    /** Whether any finding is at least this severe. */
    public boolean reaches(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severityLevel().atLeast(threshold));
    }
}
