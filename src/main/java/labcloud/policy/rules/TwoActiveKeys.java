package labcloud.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import labcloud.inventory.Resource;

/** A user with two active keys: one of them is usually a forgotten copy. */
public final class TwoActiveKeys extends BaseRule {
    public TwoActiveKeys() {
        super("two-active-keys", Severity.MEDIUM, "IAM users have at most one active access key");
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        Map<String, List<String>> active = new TreeMap<>();
        for (Resource r : in.resources()) {
            if (!Resource.IAM_ACCESS_KEY.equals(r.type()) || !"Active".equalsIgnoreCase(AccessKeyAge.status(r))) continue;
            String user = ResourceFacts.text(r, "userName");
            if (user != null) active.computeIfAbsent(user, k -> new ArrayList<>()).add(r.id());
        }
        Map<String, Resource> byId = in.byId();
        active.forEach((user, keys) -> {
            if (keys.size() < 2) return;
            Resource u = byId.getOrDefault(user, new Resource(Resource.IAM_USER, user, "global", user, null, null,
                    Map.of(), null, Map.of()));
            out.add(Findings.about(in, cfg, u, keys.size() + " active keys",
                    Findings.details("accessKeyIds", keys), "deactivate the key not in use: aws iam update-access-key"
                            + " --user-name " + user + " --access-key-id KEY --status Inactive"));
        });
    }
}
