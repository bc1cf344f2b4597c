package labcloud.policy.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.inventory.Resource;

/** Builds findings about a resource with its owner and cost filled in the same way for every rule. */
final class Findings {
    private Findings() {}

    static Finding about(AuditInput in, RuleConfig cfg, Resource r, String message, Map<String, Object> details, String fix) {
        return about(in, cfg, cfg.severity(), r, message, details, r.monthlyCost(), fix);
    }

    static Finding about(AuditInput in, RuleConfig cfg, Severity severity, Resource r, String message,
                         Map<String, Object> details, Double cost, String fix) {
        AuditInput.Owner owner = in.ownerOf(r);
        return new Finding(cfg.id(), severity, r.type(), r.id(), r.region(), message, details, owner.name(),
                owner.source(), cost, fix);
    }

    static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static String gb(Double gb) {
        return gb == null ? "?" : String.valueOf(Math.round(gb));
    }
}
