package labcloud.policy;

import java.util.Map;
import labcloud.policy.rules.RuleConfig;

/**
 * The lab's policy: every known rule's configuration, and the people map used to fill Email tags
 * (IAM user or role session name -> address).
 *
 * @param source where it came from: a file path, or "built-in"
 */
public record LabPolicy(String source, Map<String, RuleConfig> rules, Map<String, String> people) {
    public RuleConfig rule(String id) {
        return rules.get(id);
    }
}
