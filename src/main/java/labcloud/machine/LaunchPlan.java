package labcloud.machine;

import java.util.List;
import java.util.Map;

/**
 * A checked launch: everything the plan prints, and what --apply uses.
 *
 * @param zone          the availability zone it launches in (one that offers the type)
 * @param hourly        on-demand $/hour, or null when the catalog has no price
 * @param diskMonthly   gp3 storage $/month, or null
 * @param tagSources    tag -> where its value came from (flag, config, iam)
 * @param missingTags   lab tags with no value (only with --force)
 */
public record LaunchPlan(LaunchRequest request, InstanceTypeInfo info, String zone, Double hourly, Double monthly,
                         Double diskMonthly, Map<String, String> tags, Map<String, String> tagSources,
                         List<String> missingTags, String amiParameter, String publicKey, List<String> warnings) {
    public String name() {
        return request.name();
    }

    public String region() {
        return request.region();
    }
}
