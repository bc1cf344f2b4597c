package labcloud.trail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.aws.FanOut;
import labcloud.core.RegionError;

/**
 * Finds the account's trails: DescribeTrails in every region (a multi-region trail shows up in
 * each as a shadow, a single-region trail only in its home region), de-duplicated by ARN, and
 * GetTrailStatus for each in its home region.
 */
public final class TrailCatalog {
    public record Result(List<Trail> trails, List<RegionError> errors) {}

    private TrailCatalog() {}

    public static Result describe(AwsContext aws, List<String> regions) {
        FanOut.Result<List<software.amazon.awssdk.services.cloudtrail.model.Trail>> found = aws.fanOut().perRegion(
                regions, "cloudtrail", r -> AwsContext.call(() -> aws.cloudTrail(r)
                        .describeTrails(b -> b.includeShadowTrails(true)).trailList()));
        Map<String, software.amazon.awssdk.services.cloudtrail.model.Trail> byArn = new LinkedHashMap<>();
        found.values().forEach(list -> list.forEach(t -> byArn.putIfAbsent(t.trailARN(), t)));
        List<RegionError> errors = new ArrayList<>(found.errors());
        FanOut.Result<Trail> withStatus = aws.fanOut().run(byArn.values().stream()
                .map(t -> new FanOut.Job<>(t.homeRegion(), "cloudtrail", () -> withStatus(aws, t))).toList());
        errors.addAll(withStatus.errors());
        List<Trail> trails = new ArrayList<>(withStatus.values());
        trails.sort(java.util.Comparator.comparing(Trail::arn));
        return new Result(trails, errors);
    }

    private static Trail withStatus(AwsContext aws, software.amazon.awssdk.services.cloudtrail.model.Trail t) {
        Boolean logging;
        try {
            logging = AwsContext.call(() -> aws.cloudTrail(t.homeRegion()).getTrailStatus(b -> b.name(t.trailARN())).isLogging());
        } catch (RuntimeException e) {
            logging = null; // the trail is still usable for reading; its status is just unknown
        }
        return new Trail(t.name(), t.trailARN(), t.homeRegion(), Trail.accountOf(t.trailARN()), t.s3BucketName(),
                t.s3KeyPrefix(), Boolean.TRUE.equals(t.isMultiRegionTrail()), logging);
    }
}
