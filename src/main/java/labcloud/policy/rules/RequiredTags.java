package labcloud.policy.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.inventory.Resource;

/** The lab's tags on everything: present, non-empty, Email an address, Project from the allowed list. */
public final class RequiredTags implements Rule {
    @Override
    public String id() {
        return "required-tags";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.MEDIUM;
    }

    @Override
    public String description() {
        return "resources carry the lab's tags with valid values (Email an address, Owner not empty, Project allowed)";
    }

    @Override
    public Map<String, Param> params() {
        Map<String, Param> p = new LinkedHashMap<>();
        p.put("keys", Param.list("Email", "Owner", "Project", "Task"));
        p.put("projects", Param.list());
        p.put("resourceTypes", Param.list(Resource.EC2_INSTANCE, Resource.EBS_VOLUME, Resource.EBS_SNAPSHOT,
                Resource.EFS_FILESYSTEM, Resource.S3_BUCKET, Resource.ELASTIC_IP));
        return p;
    }

    @Override
    public void evaluate(AuditInput in, RuleConfig cfg, List<Finding> out) {
        List<String> keys = cfg.listParam("keys");
        List<String> projects = cfg.listParam("projects");
        List<String> types = cfg.listParam("resourceTypes");
        for (Resource r : in.resources()) {
            if (!types.contains(r.type())) continue;
            Map<String, String> tags = r.tags() == null ? Map.of() : r.tags();
            List<String> missing = new ArrayList<>();
            Map<String, String> invalid = new LinkedHashMap<>();
            for (String k : keys) {
                String v = tags.get(k);
                if (v == null || v.isBlank()) missing.add(k);
                else if (k.equals("Email") && !EmailAddress.isValid(v)) invalid.put(k, v);
                else if (k.equals("Project") && !projects.isEmpty() && !projects.contains(v.trim())) invalid.put(k, v);
            }
            if (missing.isEmpty() && invalid.isEmpty()) continue;
            // Short enough for the 80-column table; the values are in the details.
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) parts.add(missing.size() == keys.size() ? "untagged" : "no " + String.join("/", missing));
            invalid.forEach((k, v) -> parts.add(k.equals("Email") ? "Email not an address" : k + " not allowed"));
            out.add(Findings.about(in, cfg, r, String.join("; ", parts),
                    Findings.details("missing", missing, "invalid", invalid), fix(in, r, missing, invalid)));
        }
    }

    private static String fix(AuditInput in, Resource r, List<String> missing, Map<String, String> invalid) {
        boolean ownerGap = missing.contains("Owner") || missing.contains("Email");
        List<String> rest = new ArrayList<>();
        for (String k : missing) if (!(ownerGap && in.creatorOf(r) != null && (k.equals("Owner") || k.equals("Email")))) rest.add(k + "=...");
        invalid.keySet().forEach(k -> rest.add(k + "=..."));
        String fromTrail = ownerGap && in.creatorOf(r) != null ? "labcloud tag fix --from-trail --apply" : null;
        String set = rest.isEmpty() ? null : "labcloud tag set " + r.id() + " " + String.join(" ", rest) + " --apply";
        if (fromTrail != null && set != null) return fromTrail + "; " + set;
        return fromTrail != null ? fromTrail : set;
    }
}
