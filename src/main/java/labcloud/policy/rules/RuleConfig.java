package labcloud.policy.rules;

import java.util.List;
import java.util.Map;

/**
 * One rule as the lab policy configures it: on or off, its severity and its parameters (already
 * checked against the rule's parameter types by the policy loader).
 */
public record RuleConfig(String id, boolean enabled, Severity severity, Map<String, Object> params) {

    public int intParam(String name) {
        return ((Number) params.get(name)).intValue();
    }

    public String stringParam(String name) {
        Object v = params.get(name);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    public List<String> listParam(String name) {
        Object v = params.get(name);
        return v == null ? List.of() : (List<String>) v;
    }
}
