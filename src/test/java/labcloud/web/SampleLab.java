package labcloud.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.inventory.Resource;
import labcloud.web.view.DashboardData;

/**
 * A small lab's worth of resources and findings, written out by hand, for the server tests that
 * do not need AWS at all (headers, token, escaping, queries). Two tag values are XSS payloads.
 */
final class SampleLab {
    static final String SCRIPT_TAG = "<script>window.__xss=1</script>";
    static final String IMG_TAG = "\"><img src=x onerror=\"window.__xss=2\">";
    static final Instant TAKEN = Instant.parse("2026-11-20T12:00:00Z");

    private SampleLab() {}

    static DashboardData data() {
        List<Resource> rs = new ArrayList<>();
        rs.add(instance("i-0aaa000000000001", "us-east-1", "running", "t3.micro", 7.59, tags("alice", "genomics", SCRIPT_TAG)));
        rs.add(instance("i-0aaa000000000002", "eu-west-1", "running", "m5.xlarge", 140.16, tags("bob", "imaging", IMG_TAG)));
        rs.add(instance("i-0aaa000000000003", "us-west-2", "stopped", "g4dn.xlarge", 0.0, Map.of("Name", "gpu-box")));
        rs.add(instance("i-0aaa000000000004", "us-east-1", "running", "c5.large", 62.05, tags("carol", "genomics", "ok")));
        rs.add(new Resource(Resource.EBS_VOLUME, "vol-0bbb000000000001", "us-east-1", "scratch", "available",
                TAKEN.minusSeconds(86400 * 40), Map.of("Owner", "bob"), 8.0, Map.of("sizeGb", 100, "volumeType", "gp3")));
        Map<String, Object> attached = new LinkedHashMap<>();
        attached.put("sizeGb", 20);
        attached.put("volumeType", "gp3");
        attached.put("attachedTo", "i-0aaa000000000001");
        rs.add(new Resource(Resource.EBS_VOLUME, "vol-0bbb000000000002", "us-east-1", "root", "in-use",
                TAKEN.minusSeconds(86400 * 3), tags("alice", "genomics", "ok"), 1.6, attached));
        rs.add(new Resource(Resource.S3_BUCKET, "lab-genomics-data", "us-east-1", "lab-genomics-data", null,
                TAKEN.minusSeconds(86400 * 100), tags("alice", "genomics", "ok"), 23.0,
                Map.of("sizeBytes", 1_000_000_000_000L, "objectCount", 1200, "public", false)));
        rs.add(new Resource(Resource.IAM_USER, "alice", "global", "alice", "active", TAKEN.minusSeconds(86400 * 400),
                Map.of("Email", "alice@lab.example.org"), null, Map.of("mfaActive", true, "consoleAccess", true)));
        rs.add(new Resource(Resource.IAM_USER, "bob", "global", "bob", "active", TAKEN.minusSeconds(86400 * 400),
                Map.of("Email", "bob@lab.example.org"), null, Map.of("mfaActive", false, "consoleAccess", true)));
        rs.add(new Resource(Resource.IAM_ACCESS_KEY, "AKIA" + "EXAMPLEFAKE00BOB", "global", "bob", "Active",
                TAKEN.minusSeconds(86400 * 200), Map.of(), null, Map.of("userName", "bob")));
        rs.add(new Resource(Resource.IAM_ACCESS_KEY, "AKIA" + "EXAMPLEFAKE0ALICE", "global", "alice", "Active",
                TAKEN.minusSeconds(86400 * 10), Map.of(), null, Map.of("userName", "alice")));
        List<DashboardData.Finding> findings = List.of(
                new DashboardData.Finding("missing-tags", "medium", Resource.EC2_INSTANCE, "i-0aaa000000000003", "us-west-2",
                        "missing Email, Owner, Project, Task", TAKEN.minusSeconds(86400), TAKEN),
                new DashboardData.Finding("unattached-volume", "low", Resource.EBS_VOLUME, "vol-0bbb000000000001", "us-east-1",
                        "unattached for 40 days", TAKEN.minusSeconds(86400 * 30), TAKEN),
                new DashboardData.Finding("key-rotation", "high", Resource.IAM_ACCESS_KEY, "AKIA" + "EXAMPLEFAKE00BOB", "global",
                        "200 days old", TAKEN.minusSeconds(86400 * 100), TAKEN));
        List<DashboardData.TrendPoint> trend = List.of(
                new DashboardData.TrendPoint(1, TAKEN.minusSeconds(86400), 9, 200.0, Map.of("missing-tags", 2)),
                new DashboardData.TrendPoint(2, TAKEN, rs.size(), 242.4, Map.of("missing-tags", 1, "unattached-volume", 1,
                        "key-rotation", 1)));
        List<DashboardData.Change> changes = List.of(
                new DashboardData.Change("added", Resource.EC2_INSTANCE, "i-0aaa000000000004", "us-east-1", "c5", List.of()),
                new DashboardData.Change("changed", Resource.EC2_INSTANCE, "i-0aaa000000000003", "us-west-2", "gpu-box",
                        List.of("state")));
        List<DashboardData.Activity> activity = List.of(
                new DashboardData.Activity(TAKEN.minusSeconds(3600), "alice", "RunInstances", "i-0aaa000000000001", "us-east-1",
                        "192.0.2.10"),
                new DashboardData.Activity(TAKEN.minusSeconds(1800), "bob", "CreateVolume", "vol-0bbb000000000001", "us-east-1",
                        "192.0.2.11"),
                new DashboardData.Activity(TAKEN.minusSeconds(600), "bob", "RunInstances", "i-0aaa000000000002", "eu-west-1",
                        "192.0.2.11"));
        return new DashboardData(new DashboardData.Snapshot(2, TAKEN, "123456789012", List.of()), rs, findings, trend, changes,
                activity, DashboardData.Rules.DEFAULT);
    }

    static Map<String, String> tags(String owner, String project, String task) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("Name", owner + "-box");
        t.put("Email", owner + "@lab.example.org");
        t.put("Owner", owner);
        t.put("Project", project);
        t.put("Task", task);
        return t;
    }

    static Resource instance(String id, String region, String state, String type, double cost, Map<String, String> tags) {
        return new Resource(Resource.EC2_INSTANCE, id, region, tags.getOrDefault("Name", id), state,
                TAKEN.minusSeconds(86400 * 5), tags, cost, Map.of("instanceType", type, "launchTime", TAKEN.minusSeconds(86400 * 5).toString()));
    }
}
