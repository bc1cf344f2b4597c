package labcloud.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import labcloud.core.UsageException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;

/** Region names: which ones exist, which are enabled for the account (opt-in aware), and --regions values. */
final class Regions {
    private static final Set<String> KNOWN = known();

    private final Supplier<String> current;
    private final Supplier<DescribeRegionsResponse> describe;
    private volatile List<String> enabled;

    /**
     * @param current  the region in use (for an empty --regions)
     * @param describe EC2 DescribeRegions without AllRegions (exactly the enabled regions)
     */
    Regions(Supplier<String> current, Supplier<DescribeRegionsResponse> describe) {
        this.current = current;
        this.describe = describe;
    }

    /** Those that need no opt-in plus those opted in; asked once. */
    List<String> enabled() {
        if (enabled == null) {
            List<String> names = new ArrayList<>();
            describe.get().regions().forEach(reg -> {
                String status = reg.optInStatus();
                if (status == null || !"not-opted-in".equals(status)) names.add(reg.regionName());
            });
            names.sort(Comparator.naturalOrder());
            enabled = List.copyOf(names);
        }
        return enabled;
    }

    /**
     * Parses a --regions value: "all" for every enabled region, or a comma-separated list, each
     * checked against the regions AWS knows (exit 2 for a typo, naming it).
     */
    List<String> resolve(String spec) {
        if (spec == null || spec.isBlank()) return List.of(current.get());
        if (spec.trim().equalsIgnoreCase("all")) return enabled();
        return names(spec);
    }

    /** A --regions value checked by the same rule without reading the account: "all", or the names, each checked. */
    static String checkSpec(String spec) {
        return spec.trim().equalsIgnoreCase("all") ? "all" : String.join(",", names(spec));
    }

    private static List<String> names(String spec) {
        List<String> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String r = part.trim().toLowerCase(Locale.ROOT);
            if (r.isEmpty()) continue;
            validate(r);
            if (!out.contains(r)) out.add(r);
        }
        if (out.isEmpty()) throw new UsageException("--regions is empty (use 'all' or e.g. us-east-1,eu-west-1)");
        return out;
    }

    private static Set<String> known() {
        Set<String> s = ConcurrentHashMap.newKeySet();
        Region.regions().forEach(r -> s.add(r.id()));
        return s;
    }

    static void validate(String r) {
        if (!KNOWN.contains(r) && !r.matches("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d")) {
            String shown = r.length() > 60 ? r.substring(0, 60) + "…" : r; // the one line stays one readable line
            throw new UsageException("unknown region '" + shown + "' (e.g. us-east-1, eu-west-1; 'all' for every enabled region)");
        }
    }
}
