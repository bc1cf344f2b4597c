package labcloud.policy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * Tags to write on one resource.
 *
 * @param set      the keys and values to write
 * @param previous the values those keys had before (absent keys are not listed)
 * @param reason   why, e.g. "created by alice (CloudTrail RunInstances)"
 */
@JsonPropertyOrder({"resourceType", "resourceId", "region", "set", "previous", "reason"})
public record TagChange(String resourceType, String resourceId, String region, Map<String, String> set,
                        Map<String, String> previous, String reason) {}
