package labcloud.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import labcloud.aws.AwsContext;
import labcloud.aws.FanOut;
import labcloud.core.AuthException;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.RegionError;
import labcloud.pricing.PriceCatalog;

/**
 * Collects the inventory: every regional collector in every region and each global collector
 * once, all in parallel through {@link AwsContext#fanOut()}; a failing region or service becomes
 * an entry in {@code errors} while the rest completes. Each resource is priced from the catalog.
 */
public final class InventoryService {
    public static final List<Collector> COLLECTORS = List.of(
            Collector.regional(Resource.EC2_INSTANCE, "ec2", new Ec2InstanceCollector()::collect),
            Collector.regional(Resource.EBS_VOLUME, "ec2", new EbsVolumeCollector()::collect),
            Collector.regional(Resource.EBS_SNAPSHOT, "ec2", new EbsSnapshotCollector()::collect),
            Collector.regional(Resource.EFS_FILESYSTEM, "efs", new EfsFileSystemCollector()::collect),
            Collector.global(Resource.S3_BUCKET, "s3", new S3BucketCollector()::collect),
            Collector.regional(Resource.ELASTIC_IP, "ec2", new ElasticIpCollector()::collect),
            Collector.global(Resource.IAM_USER, "iam", new IamUserCollector()::collect),
            Collector.global(Resource.IAM_ACCESS_KEY, "iam", new IamAccessKeyCollector()::collect));

    private InventoryService() {}

    public static Inventory collect(AwsContext aws, InventoryOptions options) {
        return collect(aws, options, PriceCatalog.load(aws.environment()));
    }

    public static Inventory collect(AwsContext aws, InventoryOptions options, PriceCatalog catalog) {
        Instant started = Instant.now();
        String account = aws.callerIdentity().account();
        CollectionRun run = new CollectionRun(aws, options);
        // Global collectors first: each fans out per bucket or per user and is the longest job,
        // so starting it behind a hundred regional jobs would put it on the critical path.
        List<FanOut.Job<List<Resource>>> jobs = new ArrayList<>();
        for (Collector c : COLLECTORS) {
            if (c.global() && options.wants(c.type())) {
                jobs.add(new FanOut.Job<>("global", c.service(), () -> c.collect(run, "global")));
            }
        }
        for (Collector c : COLLECTORS) {
            if (c.global() || !options.wants(c.type())) continue;
            for (String region : options.regions()) {
                jobs.add(new FanOut.Job<>(region, c.service(), () -> c.collect(run, region)));
            }
        }
        FanOut.Result<List<Resource>> result = aws.fanOut().run(jobs);
        ResourcePricer pricer = new ResourcePricer(catalog);
        List<Resource> resources = new ArrayList<>();
        result.values().forEach(list -> list.forEach(r -> resources.add(pricer.price(r))));
        resources.sort(ResourceTypes.RESOURCE_ORDER);
        List<RegionError> errors = new ArrayList<>(result.errors());
        errors.addAll(run.errors());
        errors.sort(Comparator.comparing(RegionError::region).thenComparing(RegionError::service));
        if (resources.isEmpty() && !errors.isEmpty() && errors.stream().allMatch(RegionError::auth)) {
            throw new AuthException(errors.get(0).message());
        }
        // Nothing at all succeeded: that is a failure, not a partial result.
        if (!jobs.isEmpty() && result.values().isEmpty()) {
            throw new LabcloudException(ExitCode.FAILED, "every region and service failed (" + errors.size() + " errors); first: "
                    + errors.get(0).region() + " " + errors.get(0).service() + ": " + errors.get(0).message());
        }
        return new Inventory(account, started, options.regions(), List.copyOf(resources), List.copyOf(errors));
    }
}
