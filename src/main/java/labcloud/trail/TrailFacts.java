package labcloud.trail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import labcloud.aws.AwsContext;
import labcloud.core.RegionError;
import labcloud.inventory.Resource;

/**
 * What the audit and `tag fix --from-trail` need from CloudTrail about a set of resources: the
 * trails themselves, who created each resource, and when each instance was last stopped.
 * Only creation and stop events are kept, and only from the oldest relevant resource's creation on,
 * so an account with years of logs is not read from the beginning of time.
 */
public record TrailFacts(List<Trail> trails, OwnerAttribution creators, Map<String, Instant> stoppedAt,
                         String source, List<RegionError> errors) {

    /** Used when a resource's creation time is unknown: LookupEvents' own horizon. */
    static final Duration DEFAULT_LOOKBACK = Duration.ofDays(90);

    public static TrailFacts load(AwsContext aws, List<Resource> resources, List<String> regions) {
        TrailCatalog.Result catalog = TrailCatalog.describe(aws, regions);
        Instant from = null;
        Set<String> eventRegions = new TreeSet<>();
        boolean unknownAge = false;
        for (Resource r : resources) {
            if (!needsTrail(r)) continue;
            if (r.region() != null && !"global".equals(r.region())) eventRegions.add(r.region());
            Instant c = r.createdAt();
            if (c == null) unknownAge = true;
            else if (from == null || c.isBefore(from)) from = c;
        }
        if (eventRegions.isEmpty()) {
            return new TrailFacts(catalog.trails(), OwnerAttribution.empty(), Map.of(), "none", catalog.errors());
        }
        Instant now = Instant.now();
        if (unknownAge || from == null) from = now.minus(DEFAULT_LOOKBACK);
        Set<String> names = new java.util.HashSet<>(OwnerAttribution.CREATION_EVENTS);
        names.add("StopInstances");
        // Trails record an event a few minutes after the fact; an hour of margin covers clock skew too.
        TrailFilter filter = new TrailFilter(null, null, names, from.minus(Duration.ofHours(1)), null);
        TrailResult r = new TrailService(aws).events(catalog, filter, new ArrayList<>(eventRegions), TrailService.Source.AUTO);
        Map<String, Instant> stopped = new HashMap<>();
        for (TrailEvent e : r.events()) {
            if (!"StopInstances".equals(e.event())) continue;
            for (String id : e.resources()) {
                if (id.startsWith("i-")) stopped.merge(id, e.time(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return new TrailFacts(catalog.trails(), OwnerAttribution.fromEvents(r.events()), stopped, r.source(), r.errors());
    }

    /** Resources whose owner or stop time may have to come from CloudTrail. */
    private static boolean needsTrail(Resource r) {
        if (Resource.IAM_USER.equals(r.type()) || Resource.IAM_ACCESS_KEY.equals(r.type())) return false;
        String owner = r.tags() == null ? null : r.tags().get("Owner");
        return owner == null || owner.isBlank() || "stopped".equals(r.state()) || r.tags().get("Email") == null;
    }
}
