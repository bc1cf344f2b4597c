package labcloud.trail;

import java.util.ArrayList;
import java.util.List;
import labcloud.aws.AwsContext;
import labcloud.core.RegionError;

/**
 * Who did what: events from the account's trail log files in S3 when a trail delivers to a
 * readable bucket, else from the LookupEvents API (90 days, rate limited).
 */
public final class TrailService {
    public enum Source { AUTO, S3, API }

    private final AwsContext aws;

    public TrailService(AwsContext aws) {
        this.aws = aws;
    }

    /**
     * @param regions the regions whose events to return (and where to look for trails)
     */
    public TrailResult events(TrailFilter filter, List<String> regions, Source source) {
        if (source == Source.API) return new LookupEventsReader(aws).read(filter, regions);
        TrailCatalog.Result catalog = TrailCatalog.describe(aws, regions);
        return events(catalog, filter, regions, source);
    }

    /** Like {@link #events(TrailFilter, List, Source)} with trails already described. */
    public TrailResult events(TrailCatalog.Result catalog, TrailFilter filter, List<String> regions, Source source) {
        List<Trail> withBucket = catalog.trails().stream().filter(t -> t.bucket() != null).toList();
        if (withBucket.isEmpty() && source == Source.AUTO) {
            return withErrors(new LookupEventsReader(aws).read(filter, regions), catalog.errors());
        }
        TrailResult s3 = new S3TrailReader(aws).read(withBucket, filter, regions);
        if (source == Source.AUTO && s3.files() == 0 && s3.partial()) {
            // The log bucket is unreadable (another account's, or no s3:GetObject): ask the API instead.
            return withErrors(new LookupEventsReader(aws).read(filter, regions), catalog.errors());
        }
        return withErrors(s3, catalog.errors());
    }

    private static TrailResult withErrors(TrailResult r, List<RegionError> more) {
        if (more.isEmpty()) return r;
        List<RegionError> all = new ArrayList<>(more);
        all.addAll(r.errors());
        return new TrailResult(r.source(), r.events(), all, r.files());
    }
}
