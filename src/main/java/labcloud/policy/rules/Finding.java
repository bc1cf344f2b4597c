package labcloud.policy.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/**
 * One problem the audit found. The first seven fields are the stable JSON format of DESIGN.md;
 * the rest say whom to ask, what is at stake and how to fix it, and since when it has been seen.
 *
 * @param owner       the Owner tag, else the creator found in CloudTrail, else null
 * @param ownerSource "tag", "cloudtrail" or "iam" (the user the key or user record belongs to)
 * @param monthlyCost US dollars per month at stake (the resource's estimated cost), null if unknown
 * @param fix         what to do, as a labcloud (or aws) command where there is one
 * @param status      "new" (first seen in this run) or "persisting"; null before the history is consulted
 */
@JsonPropertyOrder({"rule", "severity", "resourceType", "resourceId", "region", "message", "details", "owner",
        "ownerSource", "monthlyCost", "fix", "status", "firstSeen", "lastSeen"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Finding(String rule, @JsonIgnore Severity severityLevel, String resourceType, String resourceId,
                      String region, String message, Map<String, Object> details, String owner, String ownerSource,
                      Double monthlyCost, String fix, String status, Instant firstSeen, Instant lastSeen) {

    public Finding(String rule, Severity severity, String resourceType, String resourceId, String region,
                   String message, Map<String, Object> details, String owner, String ownerSource, Double monthlyCost,
                   String fix) {
        this(rule, severity, resourceType, resourceId, region, message, details, owner, ownerSource, monthlyCost, fix,
                null, null, null);
    }

    @JsonProperty("severity")
    public String severity() {
        return severityLevel.label();
    }

    /** Identifies the same problem across runs. */
    @JsonIgnore
    public String key() {
        return rule + "|" + resourceType + "|" + region + "|" + resourceId;
    }

    public Finding withHistory(String newStatus, Instant first, Instant last) {
        return new Finding(rule, severityLevel, resourceType, resourceId, region, message, details, owner, ownerSource,
                monthlyCost, fix, newStatus, first, last);
    }
}
