package labcloud.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.core.UsageException;
import labcloud.inventory.Resource;
import labcloud.policy.rules.EmailAddress;

/**
 * Plans `tag set`: which resources (ids, or --filter expressions) get which tags, optionally only
 * the keys they lack (--missing-only).
 *
 * <p>Filters are KEY=VALUE: {@code type=ebs-volume}, {@code region=us-east-1}, {@code state=stopped},
 * {@code tag:Owner=alice}, and {@code tag:Owner=} for "has no Owner tag".
 */
public final class TagSelection {
    private TagSelection() {}

    public static final List<String> TAGGABLE = List.of(Resource.EC2_INSTANCE, Resource.EBS_VOLUME,
            Resource.EBS_SNAPSHOT, Resource.EFS_FILESYSTEM, Resource.S3_BUCKET, Resource.ELASTIC_IP, Resource.IAM_USER);

    /** Parses Key=Value arguments; the lab's keys are case-sensitive, values may be empty only for filters. */
    public static Map<String, String> parseTags(List<String> args) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw new UsageException("tag '" + a + "': expected Key=Value");
            String key = a.substring(0, eq).trim();
            String value = a.substring(eq + 1);
            if (key.length() > 128 || value.length() > 256) throw new UsageException("tag '" + key + "': key over 128 or value over 256 characters");
            if (key.toLowerCase().startsWith("aws:")) throw new UsageException("tag '" + key + "': the aws: prefix is reserved by AWS");
            if (key.equals("Email") && !EmailAddress.isValid(value)) {
                throw new UsageException("tag Email='" + value + "': not an e-mail address");
            }
            tags.put(key, value);
        }
        return tags;
    }

    public static List<TagChange> plan(List<Resource> inventory, List<String> ids, List<String> filters,
                                       Map<String, String> tags, boolean missingOnly) {
        List<Resource> chosen = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (String id : ids) {
                Resource r = inventory.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() ->
                        new UsageException("resource '" + id + "' not found in the inventory (check the id and --regions)"));
                if (!TAGGABLE.contains(r.type())) throw new UsageException("resource '" + id + "' is a " + r.type() + ", which labcloud cannot tag");
                chosen.add(r);
            }
        }
        if (!filters.isEmpty()) {
            List<Resource> pool = ids.isEmpty() ? inventory : chosen;
            chosen = pool.stream().filter(r -> TAGGABLE.contains(r.type()) && filters.stream().allMatch(f -> matches(r, f))).toList();
        }
        List<TagChange> out = new ArrayList<>();
        for (Resource r : chosen) {
            Map<String, String> current = r.tags() == null ? Map.of() : r.tags();
            Map<String, String> set = new LinkedHashMap<>();
            tags.forEach((k, v) -> {
                String now = current.get(k);
                if (missingOnly && now != null && !now.isBlank()) return;
                if (!v.equals(now)) set.put(k, v);
            });
            if (set.isEmpty()) continue;
            Map<String, String> previous = new LinkedHashMap<>();
            set.keySet().forEach(k -> {
                if (current.containsKey(k)) previous.put(k, current.get(k));
            });
            out.add(new TagChange(r.type(), r.id(), r.region(), set, previous, "requested"));
        }
        return out;
    }

    static boolean matches(Resource r, String filter) {
        return matches(r, filter, false);
    }

    /** With {@code syntaxOnly}, only checks the filter (so that typos fail before any AWS call). */
    public static boolean matches(Resource r, String filter, boolean syntaxOnly) {
        int eq = filter.indexOf('=');
        if (eq <= 0) throw new UsageException("--filter '" + filter + "': expected KEY=VALUE (type, region, state, name or tag:KEY)");
        String key = filter.substring(0, eq).trim();
        String value = filter.substring(eq + 1).trim();
        if (syntaxOnly) {
            if (key.startsWith("tag:") || List.of("type", "region", "state", "name").contains(key)) return true;
            throw new UsageException("--filter '" + filter + "': unknown key '" + key + "' (type, region, state, name or tag:KEY)");
        }
        if (key.startsWith("tag:")) {
            String v = r.tags() == null ? null : r.tags().get(key.substring(4));
            return value.isEmpty() ? v == null || v.isBlank() : value.equals(v);
        }
        return switch (key) {
            case "type" -> value.equals(r.type());
            case "region" -> value.equals(r.region());
            case "state" -> value.equals(r.state());
            case "name" -> value.equals(r.name());
            default -> throw new UsageException("--filter '" + filter + "': unknown key '" + key + "' (type, region, state, name or tag:KEY)");
        };
    }
}
