package labcloud.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.inventory.Resource;
import labcloud.policy.rules.AuditInput;
import labcloud.policy.rules.Finding;
import labcloud.trail.OwnerAttribution;
import labcloud.trail.Trail;
import org.junit.jupiter.api.Test;

/** The rules engine over resource records shaped as the inventory produces them. */
class RulesTest {
    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    static Map<String, String> labTags(String owner) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("Email", owner + "@lab.example.org");
        t.put("Owner", owner);
        t.put("Project", "genomics");
        t.put("Task", "rnaseq");
        return t;
    }

    static Resource r(String type, String id, String region, String state, Map<String, String> tags, Double cost,
                      Instant created, Object... details) {
        Map<String, Object> d = new HashMap<>();
        for (int i = 0; i < details.length; i += 2) d.put((String) details[i], details[i + 1]);
        return new Resource(type, id, region, null, state, created, tags, cost, d);
    }

    static List<Finding> audit(LabPolicy p, List<Resource> rs, List<Trail> trails, Instant asOf) {
        return Auditor.evaluate(p, new AuditInput("123456789012", rs, trails, asOf, OwnerAttribution.empty(), Map.of()));
    }

    @Test
    void requiredTagsReportsMissingAndInvalidValues() {
        Map<String, String> bad = labTags("carol");
        bad.put("Email", "carol-at-lab");
        bad.put("Project", "astrology");
        Map<String, String> noTask = labTags("bob");
        noTask.remove("Task");
        noTask.put("Owner", " ");
        List<Resource> rs = List.of(
                r(Resource.EC2_INSTANCE, "i-good", "us-east-1", "running", labTags("alice"), 30.0, NOW),
                r(Resource.EC2_INSTANCE, "i-bad", "us-east-1", "running", bad, 380.0, NOW),
                r(Resource.S3_BUCKET, "b-notask", "us-east-1", null, noTask, 1.0, NOW),
                r(Resource.IAM_USER, "dave", "global", null, Map.of(), null, NOW));
        LabPolicy p = PolicyLoader.parse("rules:\n  required-tags: {projects: [genomics, vision]}\n", "p.yaml");
        List<Finding> f = audit(p, rs, List.of(), NOW).stream().filter(x -> x.rule().equals("required-tags")).toList();
        assertThat(f).extracting(Finding::resourceId).containsExactlyInAnyOrder("i-bad", "b-notask");
        Finding badOne = f.stream().filter(x -> x.resourceId().equals("i-bad")).findFirst().orElseThrow();
        assertThat(badOne.message()).isEqualTo("Email not an address; Project not allowed");
        assertThat(badOne.owner()).isEqualTo("carol");
        assertThat(badOne.ownerSource()).isEqualTo("tag");
        assertThat(badOne.monthlyCost()).isEqualTo(380.0);
        assertThat(badOne.fix()).isEqualTo("labcloud tag set i-bad Email=... Project=... --apply");
        Finding noTaskOne = f.stream().filter(x -> x.resourceId().equals("b-notask")).findFirst().orElseThrow();
        assertThat(noTaskOne.message()).isEqualTo("no Owner/Task");
        assertThat(noTaskOne.details().get("missing")).isEqualTo(List.of("Owner", "Task"));
    }

    @Test
    void accessKeyAgeRulesFollowTheAsOfDate() {
        Instant created = NOW.minus(Duration.ofDays(10));
        List<Resource> keys = List.of(
                r(Resource.IAM_ACCESS_KEY, "AKIA-TEST-KEY-1", "global", "Active", Map.of(), null, created, "userName", "alice", "status", "Active"),
                r(Resource.IAM_ACCESS_KEY, "AKIA-TEST-KEY-2", "global", "Inactive", Map.of(), null, created, "userName", "dave", "status", "Inactive"),
                r(Resource.IAM_ACCESS_KEY, "AKIA-TEST-KEY-3", "global", "Active", Map.of(), null, created, "userName", "bob", "status", "Active",
                        "lastUsed", NOW.minus(Duration.ofDays(1)).toString()),
                r(Resource.IAM_ACCESS_KEY, "AKIA-TEST-KEY-4", "global", "Active", Map.of(), null, created, "userName", "bob", "status", "Active"));
        LabPolicy p = PolicyLoader.builtIn();
        List<Finding> today = audit(p, keys, null, NOW);
        assertThat(today).extracting(Finding::rule).containsExactly("two-active-keys");
        assertThat(today.get(0).resourceId()).isEqualTo("bob");
        assertThat(today.get(0).owner()).isEqualTo("bob");

        List<Finding> in70 = audit(p, keys, null, NOW.plus(Duration.ofDays(70)));
        assertThat(in70).filteredOn(f -> f.rule().equals("access-key-age"))
                .extracting(Finding::resourceId, Finding::severity, Finding::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("AKIA-TEST-KEY-1", "low", "80 d old, due at 90"),
                        org.assertj.core.groups.Tuple.tuple("AKIA-TEST-KEY-3", "low", "80 d old, due at 90"),
                        org.assertj.core.groups.Tuple.tuple("AKIA-TEST-KEY-4", "low", "80 d old, due at 90"));
        assertThat(in70).filteredOn(f -> f.rule().equals("access-key-unused")).extracting(Finding::resourceId)
                .as("key 3 was used 71 days before, under the 90-day idle limit")
                .containsExactlyInAnyOrder("AKIA-TEST-KEY-1", "AKIA-TEST-KEY-4");
        List<Finding> in100 = audit(p, keys, null, NOW.plus(Duration.ofDays(100)));
        assertThat(in100).filteredOn(f -> f.rule().equals("access-key-age")).extracting(Finding::severity).containsOnly("high");
    }

    @Test
    void costRulesAndTheirAges() {
        Instant launched = NOW.minus(Duration.ofDays(3));
        List<Resource> rs = List.of(
                r(Resource.EC2_INSTANCE, "i-run", "us-east-1", "running", labTags("alice"), 30.0, launched, "launchTime", launched.toString()),
                r(Resource.EC2_INSTANCE, "i-stop", "us-west-2", "stopped", labTags("dave"), 0.0, launched, "launchTime", launched.toString()),
                r(Resource.EBS_VOLUME, "vol-root", "us-west-2", "in-use", labTags("dave"), 8.0, launched, "attachedTo", "i-stop", "sizeGb", 100),
                r(Resource.EBS_VOLUME, "vol-free", "us-east-1", "available", labTags("dave"), 40.0, launched, "sizeGb", 500, "volumeType", "gp3"),
                r(Resource.ELASTIC_IP, "eipalloc-1", "us-east-1", null, labTags("bob"), 3.6, launched, "associated", false),
                r(Resource.ELASTIC_IP, "eipalloc-2", "us-east-1", null, labTags("bob"), 0.0, launched, "associated", true),
                r(Resource.S3_BUCKET, "open-data", "eu-west-1", null, labTags("carol"), 0.1, launched, "public", true),
                r(Resource.S3_BUCKET, "closed", "eu-west-1", null, labTags("carol"), 0.1, launched, "public", false),
                r(Resource.EFS_FILESYSTEM, "fs-big", "eu-west-1", "available", labTags("erin"), 180.0, launched, "sizeBytes", 600L << 30),
                r(Resource.EFS_FILESYSTEM, "fs-unknown", "eu-west-1", "available", labTags("erin"), null, launched, "sizeBytes", null),
                r(Resource.IAM_USER, "bob", "global", null, Map.of(), null, launched, "consoleAccess", true, "mfaActive", false),
                r(Resource.IAM_USER, "alice", "global", null, Map.of(), null, launched, "consoleAccess", true, "mfaActive", true),
                r(Resource.IAM_USER, "dave", "global", null, Map.of(), null, launched, "consoleAccess", false, "mfaActive", false));
        LabPolicy p = PolicyLoader.builtIn();
        List<Finding> now = audit(p, rs, List.of(), NOW);
        assertThat(now).extracting(Finding::rule, Finding::resourceId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mfa-missing", "bob"),
                org.assertj.core.groups.Tuple.tuple("s3-public", "open-data"),
                org.assertj.core.groups.Tuple.tuple("cloudtrail-not-multi-region", "123456789012"),
                org.assertj.core.groups.Tuple.tuple("ebs-unattached", "vol-free"),
                org.assertj.core.groups.Tuple.tuple("eip-idle", "eipalloc-1"),
                org.assertj.core.groups.Tuple.tuple("efs-large", "fs-big"));
        assertThat(now.get(3).message()).isEqualTo("500 GiB gp3, 3 d");
        assertThat(now.get(3).monthlyCost()).isEqualTo(40.0);

        List<Finding> later = audit(p, rs, List.of(), NOW.plus(Duration.ofDays(30)));
        Finding stopped = later.stream().filter(f -> f.rule().equals("instance-stopped-long")).findFirst().orElseThrow();
        assertThat(stopped.resourceId()).isEqualTo("i-stop");
        assertThat(stopped.monthlyCost()).as("its volume's cost").isEqualTo(8.0);
        assertThat(later).filteredOn(f -> f.rule().equals("instance-running-long")).extracting(Finding::resourceId).containsExactly("i-run");
    }

    @Test
    void cloudTrailAndRegionRules() {
        Trail good = new Trail("lab-trail", "arn:aws:cloudtrail:us-east-1:123456789012:trail/lab-trail", "us-east-1",
                "123456789012", "logs", null, true, true);
        Trail old = new Trail("old-trail", "arn:aws:cloudtrail:eu-west-1:123456789012:trail/old-trail", "eu-west-1",
                "123456789012", "logs", null, false, false);
        List<Resource> rs = List.of(r(Resource.EC2_INSTANCE, "i-tokyo", "ap-northeast-1", "running", labTags("frank"), 100.0, NOW));
        LabPolicy p = PolicyLoader.parse("rules:\n  region-not-allowed: {regions: [us-east-1, eu-west-1]}\n", "p.yaml");
        List<Finding> f = audit(p, rs, List.of(good, old), NOW);
        assertThat(f).extracting(Finding::rule, Finding::resourceId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("region-not-allowed", "i-tokyo"),
                org.assertj.core.groups.Tuple.tuple("cloudtrail-not-logging", "old-trail"));
        assertThat(audit(p, rs, List.of(old), NOW)).extracting(Finding::rule).contains("cloudtrail-not-multi-region");
        assertThat(audit(p, rs, null, NOW)).extracting(Finding::rule).doesNotContain("cloudtrail-not-multi-region", "cloudtrail-not-logging");
        assertThat(audit(PolicyLoader.builtIn(), rs, List.of(good), NOW)).isEmpty();
    }

    @Test
    void costAtStakeCountsEachResourceOnce() {
        // an untagged, unattached 500 GiB volume: two findings, one price
        Resource vol = r(Resource.EBS_VOLUME, "vol-1", "us-east-1", "available", Map.of(), 40.0, NOW.minus(Duration.ofDays(3)),
                "sizeGb", 500, "volumeType", "gp3", "attachedTo", null);
        Resource eip = r(Resource.ELASTIC_IP, "eipalloc-1", "us-east-1", "available", labTags("bob"), 3.65, NOW,
                "associated", false);
        List<Finding> fs = audit(PolicyLoader.builtIn(), List.of(vol, eip), null, NOW);
        assertThat(fs).extracting(Finding::rule).contains("required-tags", "ebs-unattached", "eip-idle");
        assertThat(AuditService.costAtStake(fs)).isEqualTo(43.65);
    }
}
