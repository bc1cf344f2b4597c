package labcloud.trail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import labcloud.aws.AwsContext;
import labcloud.aws.FanOut;
import labcloud.core.Json;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * The fallback when no trail delivers to a readable bucket: CloudTrail's LookupEvents API, which
 * keeps 90 days of management events per region. It accepts one lookup attribute per call, so the
 * most selective part of the filter goes to the API and the rest is applied here. Pages are
 * fetched by hand, each one through the per-region rate limiter.
 */
public final class LookupEventsReader {
    /** AWS's limit is 2 per second; stay a little under it. */
    public static final double REQUESTS_PER_SECOND = 1.8;

    private final AwsContext aws;
    private final RegionRateLimiter limiter;

    public LookupEventsReader(AwsContext aws) {
        this(aws, new RegionRateLimiter(REQUESTS_PER_SECOND));
    }

    LookupEventsReader(AwsContext aws, RegionRateLimiter limiter) {
        this.aws = aws;
        this.limiter = limiter;
    }

    public TrailResult read(TrailFilter filter, Collection<String> regions) {
        ConcurrentLinkedQueue<TrailEvent> found = new ConcurrentLinkedQueue<>();
        AtomicInteger pages = new AtomicInteger();
        FanOut.Result<Integer> r = aws.fanOut().perRegion(new ArrayList<>(regions), "cloudtrail",
                region -> readRegion(region, filter, found, pages));
        return new TrailResult("lookup-events", S3TrailReader.sortedUnique(found), r.errors(), pages.get());
    }

    private int readRegion(String region, TrailFilter filter, ConcurrentLinkedQueue<TrailEvent> sink, AtomicInteger pages) {
        LookupEventsRequest.Builder req = LookupEventsRequest.builder().maxResults(50);
        if (filter.from() != null) req.startTime(filter.from());
        if (filter.to() != null) req.endTime(filter.to());
        LookupAttribute attr = attribute(filter);
        if (attr != null) req.lookupAttributes(attr);
        String token = null;
        int n = 0;
        do {
            try {
                limiter.acquire(region);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            String t = token;
            LookupEventsResponse page = AwsContext.call(() -> aws.cloudTrail(region).lookupEvents(req.nextToken(t).build()));
            pages.incrementAndGet();
            for (Event e : page.events()) {
                TrailEvent te = toEvent(e, region);
                if (te != null && filter.matches(te)) {
                    sink.add(te);
                    n++;
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return n;
    }

    private static LookupAttribute attribute(TrailFilter f) {
        if (f.resourceId() != null) return LookupAttribute.builder().attributeKey(LookupAttributeKey.RESOURCE_NAME).attributeValue(f.resourceId()).build();
        if (f.eventNames() != null && f.eventNames().size() == 1) {
            String name = f.eventNames().iterator().next();
            return LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(name).build();
        }
        if (f.user() != null) return LookupAttribute.builder().attributeKey(LookupAttributeKey.USERNAME).attributeValue(f.user()).build();
        return null;
    }

    /** The full record is in CloudTrailEvent (a JSON string); the summary fields are the fallback. */
    static TrailEvent toEvent(Event e, String region) {
        if (e.cloudTrailEvent() != null && !e.cloudTrailEvent().isBlank()) {
            try {
                JsonNode record = Json.MAPPER.readTree(e.cloudTrailEvent());
                TrailEvent te = TrailRecords.parse(record);
                if (te != null) return te;
            } catch (IOException ignored) {
                // fall through to the summary fields
            }
        }
        if (e.eventTime() == null || e.eventName() == null) return null;
        List<String> ids = e.resources().stream().map(r -> r.resourceName()).filter(n -> n != null).toList();
        return new TrailEvent(e.eventTime(), region, e.username(), null, null, e.eventName(), e.eventSource(), ids,
                null, e.accessKeyId() == null ? null : labcloud.core.Redactor.shortKeyId(e.accessKeyId()), e.eventId(),
                null, null);
    }
}
