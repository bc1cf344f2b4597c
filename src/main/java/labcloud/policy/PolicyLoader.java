package labcloud.policy;

import static labcloud.core.LocatedYaml.error;
import static labcloud.core.LocatedYaml.map;
import static labcloud.core.LocatedYaml.shown;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.LabFile;
import labcloud.core.LocatedYaml;
import labcloud.core.UsageException;
import labcloud.policy.rules.EmailAddress;
import labcloud.policy.rules.Param;
import labcloud.policy.rules.Rule;
import labcloud.policy.rules.RuleCatalog;
import labcloud.policy.rules.RuleConfig;
import labcloud.policy.rules.Severity;

/**
 * Reads the lab policy: built-in defaults, overridden by {@code --policy FILE} or else
 * {@code ~/.labcloud/policy.yaml}. A file only needs to say what differs from the defaults.
 * Every mistake (YAML syntax, unknown rule or parameter, wrong type) is one line naming the file,
 * the line and the field.
 *
 * <pre>
 * rules:
 *   access-key-age: {maxDays: 90, warnDays: 75, severity: high}
 *   region-not-allowed: {regions: [us-east-1, eu-west-1]}
 *   efs-large: {enabled: false}
 * people:
 *   frank: frank@lab.example.org
 * </pre>
 */
public final class PolicyLoader {
    private PolicyLoader() {}

    public static LabPolicy builtIn() {
        Map<String, RuleConfig> rules = new LinkedHashMap<>();
        for (Rule r : RuleCatalog.all()) {
            Map<String, Object> params = new LinkedHashMap<>();
            r.params().forEach((k, v) -> params.put(k, v.defaultValue()));
            rules.put(r.id(), new RuleConfig(r.id(), true, r.defaultSeverity(), params));
        }
        return new LabPolicy("built-in", rules, Map.of());
    }

    /** The policy in effect: the explicit file, else ~/.labcloud/policy.yaml if present, else built-in. */
    public static LabPolicy load(Environment env, Path explicit) {
        return LabFile.read(env, explicit, "policy.yaml", "policy")
                .map(f -> parse(f.text(), f.source()))
                .orElseGet(PolicyLoader::builtIn);
    }

    public static LabPolicy parse(String text, String source) {
        LocatedYaml.Node root;
        try {
            root = LocatedYaml.parse(text);
        } catch (LocatedYaml.SyntaxError e) {
            throw new UsageException(source + ":" + e.line + ": " + e.getMessage());
        }
        LabPolicy base = builtIn();
        if (root.value() == null) return new LabPolicy(source, base.rules(), Map.of());
        Map<String, LocatedYaml.Node> top = map(source, root, "(document)");
        Map<String, RuleConfig> rules = new LinkedHashMap<>(base.rules());
        Map<String, String> people = new LinkedHashMap<>();
        for (var field : top.entrySet()) {
            switch (field.getKey()) {
                case "version" -> { } // reserved for future formats
                case "rules" -> {
                    if (field.getValue().value() == null) break;
                    for (var rule : map(source, field.getValue(), "rules").entrySet()) {
                        Rule r = RuleCatalog.byId(rule.getKey());
                        if (r == null) {
                            throw error(source, rule.getValue(), "rules." + rule.getKey(),
                                    "unknown rule (known: " + String.join(", ", RuleCatalog.ids()) + ")");
                        }
                        rules.put(r.id(), override(r, rules.get(r.id()), rule.getValue(), source));
                    }
                }
                case "people" -> {
                    if (field.getValue().value() == null) break;
                    for (var person : map(source, field.getValue(), "people").entrySet()) {
                        Object v = person.getValue().value();
                        if (!(v instanceof String s) || !EmailAddress.isValid(s)) {
                            throw error(source, person.getValue(), "people." + person.getKey(), "expected an e-mail address, got " + shown(v));
                        }
                        people.put(person.getKey(), s);
                    }
                }
                default -> throw error(source, field.getValue(), field.getKey(), "unknown field (expected rules or people)");
            }
        }
        return new LabPolicy(source, rules, Map.copyOf(people));
    }

    private static RuleConfig override(Rule rule, RuleConfig base, LocatedYaml.Node node, String source) {
        String path = "rules." + rule.id();
        if (node.value() == null) return base;
        Map<String, Object> params = new LinkedHashMap<>(base.params());
        boolean enabled = base.enabled();
        Severity severity = base.severity();
        for (var f : map(source, node, path).entrySet()) {
            String name = f.getKey();
            Object v = f.getValue().value();
            String where = path + "." + name;
            if (name.equals("enabled")) {
                if (!(v instanceof Boolean b)) throw error(source, f.getValue(), where, "expected true or false, got " + shown(v));
                enabled = b;
            } else if (name.equals("severity")) {
                severity = v instanceof String s ? Severity.parse(s) : null;
                if (severity == null) throw error(source, f.getValue(), where, "expected low, medium, high or critical, got " + shown(v));
            } else {
                Param p = rule.params().get(name);
                if (p == null) {
                    List<String> known = new ArrayList<>(List.of("enabled", "severity"));
                    known.addAll(rule.params().keySet());
                    throw error(source, f.getValue(), where, "unknown parameter (known: " + String.join(", ", known) + ")");
                }
                params.put(name, typed(p, f.getValue(), where, source));
            }
        }
        return new RuleConfig(rule.id(), enabled, severity, Map.copyOf(params));
    }

    private static Object typed(Param p, LocatedYaml.Node node, String where, String source) {
        Object v = node.value();
        switch (p.type()) {
            case INT -> {
                if (v instanceof Integer || v instanceof Long) {
                    long n = ((Number) v).longValue();
                    if (n < 0 || n > 100_000) throw error(source, node, where, "expected a number from 0 to 100000, got " + n);
                    return (int) n;
                }
                throw error(source, node, where, "expected " + p.type().expected() + ", got " + shown(v));
            }
            case STRING -> {
                if (v instanceof String s) return s;
                throw error(source, node, where, "expected " + p.type().expected() + ", got " + shown(v));
            }
            case SEVERITY -> {
                if (v instanceof String s && Severity.parse(s) != null) return Severity.parse(s).label();
                throw error(source, node, where, "expected " + p.type().expected() + ", got " + shown(v));
            }
            case STRING_LIST -> {
                if (!(v instanceof List<?> items)) throw error(source, node, where, "expected " + p.type().expected() + ", got " + shown(v));
                List<String> out = new ArrayList<>();
                for (Object o : items) {
                    LocatedYaml.Node item = (LocatedYaml.Node) o;
                    if (!(item.value() instanceof String s)) {
                        throw error(source, item, where, "expected text list items, got " + shown(item.value()));
                    }
                    out.add(s);
                }
                return List.copyOf(out);
            }
            default -> throw new IllegalStateException(p.type().name());
        }
    }
}
