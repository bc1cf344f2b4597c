package labcloud.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import labcloud.aws.AwsErrors;
import labcloud.aws.FanOut;
import labcloud.core.Json;
import labcloud.core.RegionError;
import labcloud.core.Workers;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * S3 buckets: one ListBuckets for the account, then per bucket the facts no list call returns
 * (tags, public-access block, versioning, policy and ACL for "is it public"), in parallel. A
 * bucket's region comes from the listing (AWS returns BucketRegion); from stores that leave it out
 * (emulators, older S3-compatible servers) it comes from one ListBuckets filtered by region per
 * region wanted, when that takes fewer calls than a GetBucketLocation per bucket. Sizes and object
 * counts come from the daily CloudWatch storage metrics, one GetMetricData per region for all its
 * buckets, read while the buckets are described; with --deep a bucket without metrics is listed
 * instead.
 */
public final class S3BucketCollector {
    private static final Set<String> NOT_CONFIGURED = Set.of("NoSuchTagSet", "NoSuchPublicAccessBlockConfiguration",
            "NoSuchBucketPolicy", "NoSuchTagSetError");
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    /** One bucket's region and creation date from the listing. */
    private record Listed(Bucket bucket, String region) {}

    public List<Resource> collect(CollectionRun run, String ignored) {
        S3Client home = run.aws().s3("us-east-1");
        List<Bucket> buckets = new ArrayList<>();
        home.listBucketsPaginator(b -> b.maxBuckets(1000)).buckets().forEach(buckets::add);
        Set<String> wanted = new HashSet<>(run.options().regions());
        Map<String, String> placed = regionsByFilter(run, home, buckets, wanted);

        // Sizes need only names and regions, so the metrics of the buckets whose region is known
        // are read while the buckets are described, off the critical path.
        Map<String, List<String>> known = new TreeMap<>();
        for (Bucket b : buckets) {
            String region = placed.get(b.name());
            if (region != null && wanted.contains(region)) known.computeIfAbsent(region, k -> new ArrayList<>()).add(b.name());
        }
        FutureTask<Map<String, BucketSizes.Size>> early = new FutureTask<>(() -> sizes(run, known));
        Workers.start("s3-bucket-sizes", early);

        FanOut.Result<Resource> details = run.aws().fanOut().run(buckets.stream().map(b -> new FanOut.Job<Resource>(
                "global", "s3", () -> {
                    String region = placed.containsKey(b.name()) ? placed.get(b.name()) : regionOf(home, b);
                    if (region == null || !wanted.contains(region)) return null;
                    return describe(run, new Listed(b, region));
                })).toList());
        details.errors().forEach(run::error);
        List<Resource> found = details.values().stream().filter(r -> r != null).toList();

        Map<String, BucketSizes.Size> sizes = new HashMap<>(await(early));
        // Buckets whose region only GetBucketLocation told (stores without BucketRegion or its filter)
        Map<String, List<String>> late = new TreeMap<>();
        for (Resource r : found) {
            if (!placed.containsKey(r.id())) late.computeIfAbsent(r.region(), k -> new ArrayList<>()).add(r.id());
        }
        if (!late.isEmpty()) sizes.putAll(sizes(run, late));
        // A bucket without a size (no metrics, or its region's metrics unreadable) is kept without one.
        return found.stream().map(r -> BucketSizes.apply(r, sizes.get(r.id()))).toList();
    }

    /** Sizes of buckets by name, one metrics read per region; a region that fails is listed in the errors. */
    private static Map<String, BucketSizes.Size> sizes(CollectionRun run, Map<String, List<String>> byRegion) {
        FanOut.Result<Map<String, BucketSizes.Size>> r = run.aws().fanOut().perRegion(List.copyOf(byRegion.keySet()),
                "cloudwatch", region -> BucketSizes.read(run, region, byRegion.get(region)));
        r.errors().forEach(run::error);
        Map<String, BucketSizes.Size> out = new HashMap<>();
        r.values().forEach(out::putAll);
        return out;
    }

    private static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading bucket sizes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Regions of the listed buckets that the listing left without one, from ListBuckets filtered by
     * each wanted region (AWS's BucketRegion parameter), when there are more such buckets than
     * filtered listings to make. A bucket is placed only when exactly one filtered listing holds it;
     * one that none holds lives in no wanted region (null). A store that ignores the filter lists
     * every bucket under every region, so with a single wanted region a second one is asked too:
     * buckets listed twice, and all buckets if a filtered listing fails, are left out of the map and
     * asked with GetBucketLocation.
     */
    static Map<String, String> regionsByFilter(CollectionRun run, S3Client home, List<Bucket> buckets, Set<String> wanted) {
        Map<String, String> placed = new HashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (Bucket b : buckets) {
            if (b.bucketRegion() != null && !b.bucketRegion().isBlank()) placed.put(b.name(), b.bucketRegion());
            else unplaced.add(b.name());
        }
        List<String> asked = new ArrayList<>(new TreeSet<>(wanted));
        if (asked.size() == 1) asked.add(asked.contains("us-east-1") ? "us-west-2" : "us-east-1");
        if (unplaced.size() <= asked.size()) return placed;

        FanOut.Result<List<String>> listed = run.aws().fanOut().perRegion(asked, "s3", region -> {
            List<String> names = new ArrayList<>();
            home.listBucketsPaginator(b -> b.maxBuckets(1000).bucketRegion(region)).buckets().forEach(x -> names.add(x.name()));
            return names;
        });
        if (listed.partial()) return placed;
        Map<String, String> seenIn = new HashMap<>();
        Set<String> twice = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            for (String name : listed.values().get(i)) {
                if (seenIn.putIfAbsent(name, asked.get(i)) != null) twice.add(name);
            }
        }
        for (String name : unplaced) {
            if (twice.contains(name)) continue;
            placed.put(name, seenIn.get(name)); // null: in no region asked
        }
        return placed;
    }

    /** GetBucketLocation, for a bucket the listings did not place (regionsByFilter has taken BucketRegion). */
    private static String regionOf(S3Client home, Bucket b) {
        String c = home.getBucketLocation(r -> r.bucket(b.name())).locationConstraintAsString();
        if (c == null || c.isEmpty() || c.equals("null")) return "us-east-1";
        return c.equals("EU") ? "eu-west-1" : c;
    }

    private Resource describe(CollectionRun run, Listed l) {
        String name = l.bucket().name();
        S3Client s3 = run.aws().s3(l.region());
        Map<String, String> tags = optional(run, l.region(), name, () -> Tags.of(
                s3.getBucketTagging(b -> b.bucket(name)).tagSet(), t -> t.key(), t -> t.value()), Map.of());
        PublicAccessBlockConfiguration pab = optional(run, l.region(), name, () ->
                s3.getPublicAccessBlock(b -> b.bucket(name)).publicAccessBlockConfiguration(), null);
        String versioning = optional(run, l.region(), name, () -> {
            String v = s3.getBucketVersioning(b -> b.bucket(name)).statusAsString();
            return v == null ? "Disabled" : v;
        }, null);
        // A block that restricts public policies / ignores public ACLs makes them irrelevant, so
        // they are only read when they could make the bucket public (new buckets have the block
        // on by default, which saves two calls per bucket on most accounts).
        boolean restrict = pab != null && Boolean.TRUE.equals(pab.restrictPublicBuckets());
        boolean ignoreAcls = pab != null && Boolean.TRUE.equals(pab.ignorePublicAcls());
        String policy = restrict ? null
                : optional(run, l.region(), name, () -> s3.getBucketPolicy(b -> b.bucket(name)).policy(), null);
        List<Grant> grants = ignoreAcls ? List.of()
                : optional(run, l.region(), name, () -> s3.getBucketAcl(b -> b.bucket(name)).grants(), List.of());

        boolean policyPublic = policyAllowsAnyone(policy);
        boolean aclPublic = grants.stream().anyMatch(g -> g.grantee() != null
                && (ALL_USERS.equals(g.grantee().uri()) || AUTHENTICATED_USERS.equals(g.grantee().uri())));
        String publicVia = policyPublic ? "policy" : aclPublic ? "acl" : null;

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("sizeBytes", null);
        d.put("objectCount", null);
        d.put("sizeSource", null);
        d.put("storageBytes", null);
        d.put("publicAccessBlock", pab == null ? null : pabMap(pab));
        d.put("public", publicVia != null);
        d.put("publicVia", publicVia);
        d.put("versioning", versioning);
        return new Resource(Resource.S3_BUCKET, name, l.region(), name, "available", l.bucket().creationDate(),
                tags, null, d);
    }

    private static Map<String, Boolean> pabMap(PublicAccessBlockConfiguration p) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("blockPublicAcls", Boolean.TRUE.equals(p.blockPublicAcls()));
        m.put("ignorePublicAcls", Boolean.TRUE.equals(p.ignorePublicAcls()));
        m.put("blockPublicPolicy", Boolean.TRUE.equals(p.blockPublicPolicy()));
        m.put("restrictPublicBuckets", Boolean.TRUE.equals(p.restrictPublicBuckets()));
        return m;
    }

    /** A bucket policy is public when an Allow statement names any principal ("*") without a condition. */
    static boolean policyAllowsAnyone(String policy) {
        if (policy == null || policy.isBlank()) return false;
        try {
            JsonNode statements = Json.MAPPER.readTree(policy).path("Statement");
            List<JsonNode> list = new ArrayList<>();
            if (statements.isArray()) statements.forEach(list::add);
            else if (statements.isObject()) list.add(statements);
            for (JsonNode s : list) {
                if (!"Allow".equals(s.path("Effect").asText()) || s.has("Condition")) continue;
                JsonNode p = s.path("Principal");
                if (isStar(p) || isStar(p.path("AWS"))) return true;
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isStar(JsonNode n) {
        if (n.isTextual()) return "*".equals(n.asText());
        if (n.isArray()) for (JsonNode x : n) if ("*".equals(x.asText())) return true;
        return false;
    }

    /**
     * A per-bucket read: "not configured" answers become the default, other failures are listed
     * in the run's errors and the bucket is still reported.
     */
    private <T> T optional(CollectionRun run, String region, String bucket, java.util.function.Supplier<T> read, T absent) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            String code = AwsErrors.errorCode(e);
            if (code != null && NOT_CONFIGURED.contains(code)) return absent;
            RegionError re = AwsErrors.regionError(region, "s3", e);
            run.error(new RegionError(region, "s3", "bucket " + bucket + ": " + re.message(), re.auth()));
            return absent;
        }
    }
}
