package labcloud.inventory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import labcloud.aws.AwsErrors;
import labcloud.core.RegionError;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Bucket sizes from the daily S3 storage metrics in CloudWatch (BucketSizeBytes per storage type,
 * NumberOfObjects), a few GetMetricData calls per region for all its buckets. With --deep, a
 * bucket without metrics (new, or metrics not yet published) is listed instead.
 */
final class BucketSizes {
    /** CloudWatch StorageType dimension -> S3 storage class, for pricing by class. */
    static final Map<String, String> STORAGE_TYPES = orderedMap(
            "StandardStorage", "STANDARD", "IntelligentTieringFAStorage", "INTELLIGENT_TIERING",
            "StandardIAStorage", "STANDARD_IA", "OneZoneIAStorage", "ONEZONE_IA",
            "GlacierInstantRetrievalStorage", "GLACIER_IR", "GlacierStorage", "GLACIER",
            "DeepArchiveStorage", "DEEP_ARCHIVE");
    /** GetMetricData takes at most 500 queries per call. */
    private static final int QUERIES_PER_CALL = 500;

    private BucketSizes() {}

    /** One bucket's size: bytes per storage class, object count, and where they came from. */
    record Size(Map<String, Long> byClass, Long count, String source) {}

    /**
     * Sizes of buckets in one region, by name; a bucket with no metrics (and, with --deep, not
     * listable) has none. Needs only the names, so it can run while the buckets are described.
     */
    static Map<String, Size> read(CollectionRun run, String region, List<String> buckets) {
        Map<String, Map<String, Long>> byClass = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        readMetrics(run.aws().cloudWatch(region), buckets, byClass, counts);
        Map<String, Size> out = new HashMap<>();
        for (String b : buckets) {
            Map<String, Long> classes = byClass.get(b);
            if (classes != null) {
                out.put(b, new Size(classes, counts.get(b), "cloudwatch"));
            } else if (run.options().deep()) {
                try {
                    classes = new TreeMap<>();
                    long n = 0;
                    for (S3Object o : run.aws().s3(region).listObjectsV2Paginator(r -> r.bucket(b)).contents()) {
                        classes.merge(o.storageClassAsString() == null ? "STANDARD" : o.storageClassAsString(), o.size(), Long::sum);
                        n++;
                    }
                    out.put(b, new Size(classes, n, "listing"));
                } catch (RuntimeException e) {
                    RegionError re = AwsErrors.regionError(region, "s3", e);
                    run.error(new RegionError(region, "s3", "bucket " + b + ": " + re.message(), re.auth()));
                }
            }
        }
        return out;
    }

    /** The bucket with its size filled in, or as it is when there is no size. */
    static Resource apply(Resource b, Size size) {
        if (size == null) return b;
        Map<String, Object> d = new LinkedHashMap<>(b.details());
        d.put("sizeBytes", size.byClass().values().stream().mapToLong(Long::longValue).sum());
        d.put("objectCount", size.count());
        d.put("sizeSource", size.source());
        d.put("storageBytes", size.byClass());
        return new Resource(b.type(), b.id(), b.region(), b.name(), b.state(), b.createdAt(), b.tags(), null, d);
    }

    private static void readMetrics(CloudWatchClient cw, List<String> buckets,
                                    Map<String, Map<String, Long>> byClass, Map<String, Long> counts) {
        // Storage metrics are daily; look back far enough to find the latest datapoint.
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant start = end.minus(3, ChronoUnit.DAYS);
        List<MetricDataQuery> queries = new ArrayList<>();
        Map<String, String[]> meaning = new HashMap<>();
        for (int i = 0; i < buckets.size(); i++) {
            String bucket = buckets.get(i);
            int k = 0;
            for (String storageType : STORAGE_TYPES.keySet()) {
                String id = "b" + i + "s" + k++;
                queries.add(query(id, "BucketSizeBytes", bucket, storageType));
                meaning.put(id, new String[]{bucket, STORAGE_TYPES.get(storageType)});
            }
            String id = "b" + i + "n";
            queries.add(query(id, "NumberOfObjects", bucket, "AllStorageTypes"));
            meaning.put(id, new String[]{bucket, null});
        }
        for (int from = 0; from < queries.size(); from += QUERIES_PER_CALL) {
            List<MetricDataQuery> batch = queries.subList(from, Math.min(queries.size(), from + QUERIES_PER_CALL));
            for (GetMetricDataResponse page : cw.getMetricDataPaginator(b -> b.metricDataQueries(batch)
                    .startTime(start).endTime(end))) {
                for (MetricDataResult r : page.metricDataResults()) {
                    if (r.values().isEmpty()) continue;
                    long value = Math.round(latest(r));
                    String[] m = meaning.get(r.id());
                    if (m == null) continue;
                    if (m[1] == null) counts.put(m[0], value);
                    else byClass.computeIfAbsent(m[0], x -> new TreeMap<>()).merge(m[1], value, Long::sum);
                }
            }
        }
    }

    /** The value of the newest timestamp (results are not guaranteed to be ordered). */
    private static double latest(MetricDataResult r) {
        int best = 0;
        for (int i = 1; i < r.timestamps().size() && i < r.values().size(); i++) {
            if (r.timestamps().get(i).isAfter(r.timestamps().get(best))) best = i;
        }
        return r.values().get(best);
    }

    private static MetricDataQuery query(String id, String metric, String bucket, String storageType) {
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s.period(86400).stat("Average")
                .metric(m -> m.namespace("AWS/S3").metricName(metric).dimensions(
                        Dimension.builder().name("BucketName").value(bucket).build(),
                        Dimension.builder().name("StorageType").value(storageType).build()))).build();
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
