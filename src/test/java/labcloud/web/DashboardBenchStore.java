package labcloud.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.time.temporal.ChronoUnit;
import labcloud.inventory.Inventory;
import labcloud.inventory.Resource;
import labcloud.inventory.ResourceTypes;
import labcloud.policy.rules.AuditInput;
import labcloud.policy.Auditor;
import labcloud.policy.rules.Finding;
import labcloud.policy.FindingHistory;
import labcloud.policy.LabPolicy;
import labcloud.policy.PolicyLoader;
import labcloud.inventory.SnapshotStore;
import labcloud.store.Store;
import labcloud.trail.OwnerAttribution;
import labcloud.web.view.DashboardData;

/**
 * Fills a store for bench/dashboard: N resources that look like a big lab's (every type, six
 * regions, owners and projects, some tags missing), saved as S inventory snapshots an hour apart
 * with a little churn between them, plus findings and CloudTrail activity.
 * Usage: DashboardBenchStore LABCLOUD_HOME RESOURCES SNAPSHOTS
 */
public final class DashboardBenchStore {
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1");
    static final List<String> OWNERS = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy");
    static final List<String> PROJECTS = List.of("genomics", "imaging", "climate", "proteomics", "nlp", "teaching");
    static final String ACCOUNT = "123456789012";
    static final String[] TYPES = {"t3.micro", "t3.large", "m5.xlarge", "c5.2xlarge", "g4dn.xlarge", "r5.large"};
    static final double[] HOURLY = {0.0104, 0.0832, 0.192, 0.34, 0.526, 0.126};

    private DashboardBenchStore() {}

    /** The resources of snapshot {@code s}: the same lab, with a few instances changing state or appearing. */
    static List<Resource> resources(int n, int s, Instant at) {
        Random rnd = new Random(42);
        List<Resource> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String region = REGIONS.get(i % REGIONS.size());
            String owner = OWNERS.get(rnd.nextInt(OWNERS.size()));
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("Name", owner + "-" + i);
            if (rnd.nextInt(10) > 0) tags.put("Owner", owner);
            if (rnd.nextInt(8) > 0) tags.put("Email", owner + "@lab.example.org");
            if (rnd.nextInt(6) > 0) tags.put("Project", PROJECTS.get(rnd.nextInt(PROJECTS.size())));
            if (rnd.nextInt(4) > 0) tags.put("Task", "task-" + rnd.nextInt(50));
            Instant created = at.minus(Duration.ofDays(1 + rnd.nextInt(400)));
            int kind = i % 10;
            Map<String, Object> d = new LinkedHashMap<>();
            Resource r;
            if (i < 100) {
                // a hundred IAM users and access keys, global, for the Keys & MFA page
                String user = owner + "-" + (i / 2);
                if (i % 2 == 0) {
                    d.put("mfaActive", rnd.nextInt(4) > 0);
                    d.put("consoleAccess", true);
                    r = new Resource(Resource.IAM_USER, user, "global", user, "active", created, Map.of("Owner", owner), null, d);
                } else {
                    d.put("userName", user);
                    r = new Resource(Resource.IAM_ACCESS_KEY, String.format("AKIAFAKEBENCH%07d", i), "global", user, "Active",
                            created, Map.of(), null, d);
                }
            } else if (kind < 4) {
                int t = rnd.nextInt(TYPES.length);
                boolean running = (i * 7 + s) % 100 != 0; // about 1% stopped, a different 1% each hour
                d.put("instanceType", TYPES[t]);
                d.put("launchTime", created.toString());
                r = new Resource(Resource.EC2_INSTANCE, String.format("i-%017x", i), region, tags.get("Name"),
                        running ? "running" : "stopped", created, tags, running ? HOURLY[t] * 730 : 0.0, d);
            } else if (kind < 7) {
                int size = 8 + rnd.nextInt(500);
                boolean attached = rnd.nextInt(5) > 0;
                d.put("sizeGb", size);
                d.put("volumeType", "gp3");
                d.put("attachedTo", attached ? String.format("i-%017x", i - 1) : null);
                r = new Resource(Resource.EBS_VOLUME, String.format("vol-%017x", i), region, tags.get("Name"),
                        attached ? "in-use" : "available", created, tags, size * 0.08, d);
            } else if (kind < 9) {
                int size = 8 + rnd.nextInt(500);
                d.put("sizeGb", size);
                d.put("volumeId", String.format("vol-%017x", i - 3));
                r = new Resource(Resource.EBS_SNAPSHOT, String.format("snap-%017x", i), region, tags.get("Name"),
                        "completed", created, tags, size * 0.05 * 0.4, d);
            } else if (i % 20 == 9) {
                long bytes = (long) rnd.nextInt(5000) * 1_000_000_000L;
                d.put("sizeBytes", bytes);
                d.put("objectCount", rnd.nextInt(1_000_000));
                d.put("public", rnd.nextInt(50) == 0);
                r = new Resource(Resource.S3_BUCKET, "lab-bucket-" + i, region, "lab-bucket-" + i, null, created, tags,
                        bytes / 1e9 * 0.023, d);
            } else {
                long bytes = (long) rnd.nextInt(2000) * 1_000_000_000L;
                d.put("sizeBytes", bytes);
                r = new Resource(Resource.EFS_FILESYSTEM, String.format("fs-%017x", i), region, tags.get("Name"),
                        "available", created, tags, bytes / 1e9 * 0.30, d);
            }
            out.add(r);
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int snapshots = Integer.parseInt(args[2]);
        Store store = Store.open(home.resolve("labcloud.db"));
        SnapshotStore saved = new SnapshotStore(store);
        FindingHistory history = new FindingHistory(store);
        LabPolicy policy = PolicyLoader.builtIn();
        Instant last = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Resource> latest = List.of();
        for (int s = 0; s < snapshots; s++) {
            Instant at = last.minus(Duration.ofHours(snapshots - 1 - s));
            latest = resources(n, s, at);
            saved.save(new Inventory(ACCOUNT, at, REGIONS, latest, List.of()), ResourceTypes.ALL);
            // The real rules on the snapshot, so findings open and resolve with the churn like a lab's would.
            List<Finding> findings = Auditor.evaluate(policy, new AuditInput(ACCOUNT, latest, List.of(), at,
                    OwnerAttribution.empty(), Map.of()));
            history.track(ACCOUNT, findings, at, true, true);
        }
        new ActivityStore(store).replace(ACCOUNT, activity(latest, last));
    }

    /** A week of CloudTrail-like events on the lab's resources, newest first. */
    static List<DashboardData.Activity> activity(List<Resource> resources, Instant now) {
        Random rnd = new Random(7);
        String[] events = {"RunInstances", "StartInstances", "StopInstances", "CreateVolume", "AttachVolume", "CreateSnapshot",
                "PutObject", "CreateTags"};
        List<DashboardData.Activity> out = new ArrayList<>();
        for (int i = 0; i < LabDashboard.MAX_ACTIVITY; i++) {
            Resource r = resources.get(rnd.nextInt(resources.size()));
            out.add(new DashboardData.Activity(now.minusSeconds(i * 300L), OWNERS.get(rnd.nextInt(OWNERS.size())),
                    events[rnd.nextInt(events.length)], r.id(), r.region(), "192.0.2." + (1 + rnd.nextInt(200))));
        }
        return out;
    }
}
