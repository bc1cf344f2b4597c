package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import labcloud.core.Json;
import labcloud.demo.DemoAccount;
import labcloud.demo.DemoManifest;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The acceptance test: on the demo account the audit finds exactly the planted problems;
 * `tag fix --from-trail` then `audit` shows the owner tag findings gone; dry runs change nothing.
 */
@ExtendWith(Moto.class)
class DemoAuditTest {
    static final String REGIONS = String.join(",", DemoAccount.REGIONS);

    private DemoManifest m;
    private TestLab lab;
    private Set<String> rootVolumes;

    private void seed(TestLab lab) throws Exception {
        this.lab = lab;
        m = DemoAccount.seed(lab.aws());
        Path dir = Files.createDirectories(lab.home().resolve(".labcloud"));
        Files.writeString(dir.resolve("policy.yaml"), DemoAccount.LAB_POLICY);
        rootVolumes = new HashSet<>();
        for (String region : DemoAccount.REGIONS) {
            // the first mapping is the root volume; alice's data volume is attached later
            // (labcloud machines are the exception: launch tags their volumes)
            lab.aws().ec2(region).describeInstances().reservations().forEach(r -> r.instances().stream()
                    .filter(i -> i.tags().stream().noneMatch(t -> t.key().equals("labcloud:machine")))
                    .forEach(i -> rootVolumes.add(i.blockDeviceMappings().get(0).ebs().volumeId())));
        }
    }

    private String id(String name) {
        return m.byName(name).id();
    }

    /** The one resource of a type without a Name tag that this person created in this region. */
    private String unnamed(String type, String region, String who) {
        List<String> ids = m.resources().stream().filter(r -> r.type().equals(type) && r.name() == null
                && r.region().equals(region) && r.createdBy().equals(who) && !rootVolumes.contains(r.id()))
                .map(DemoManifest.Seeded::id).toList();
        assertThat(ids).as(type + " of " + who + " in " + region).hasSize(1);
        return ids.get(0);
    }

    private String rootOf(String instanceId) {
        for (String region : DemoAccount.REGIONS) {
            for (var r : lab.aws().ec2(region).describeInstances().reservations()) {
                for (var i : r.instances()) {
                    if (i.instanceId().equals(instanceId)) return i.blockDeviceMappings().get(0).ebs().volumeId();
                }
            }
        }
        throw new AssertionError("no instance " + instanceId);
    }

    /** Every tag in the emulated account: EC2 (instances, volumes, snapshots, addresses), buckets, EFS, IAM users. */
    private Map<String, Map<String, String>> tagState() {
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String region : DemoAccount.REGIONS) {
            lab.aws().ec2(region).describeTagsPaginator(b -> {}).tags().forEach(t ->
                    all.computeIfAbsent(region + " " + t.resourceId(), k -> new TreeMap<>()).put(t.key(), t.value()));
            lab.aws().efs(region).describeFileSystems().fileSystems().forEach(fs -> fs.tags().forEach(t ->
                    all.computeIfAbsent(region + " " + fs.fileSystemId(), k -> new TreeMap<>()).put(t.key(), t.value())));
        }
        var s3 = lab.aws().s3("us-east-1");
        s3.listBuckets().buckets().forEach(b -> {
            Map<String, String> tags = all.computeIfAbsent("s3 " + b.name(), k -> new TreeMap<>());
            try {
                s3.getBucketTagging(r -> r.bucket(b.name())).tagSet().forEach(t -> tags.put(t.key(), t.value()));
            } catch (software.amazon.awssdk.services.s3.model.S3Exception noTags) {
                // NoSuchTagSet: an untagged bucket
            }
        });
        lab.aws().iam().listUsers().users().forEach(u -> lab.aws().iam().listUserTags(r -> r.userName(u.userName())).tags()
                .forEach(t -> all.computeIfAbsent("iam " + u.userName(), k -> new TreeMap<>()).put(t.key(), t.value())));
        return all;
    }

    private JsonNode audit(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "--regions", REGIONS, "--output", "json"));
        args.addAll(List.of(extra));
        CliResult r = lab.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isIn(0, 1);
        return Json.MAPPER.readTree(r.stdout());
    }

    private static List<Tuple> findings(JsonNode doc) {
        List<Tuple> out = new ArrayList<>();
        doc.get("findings").forEach(f -> out.add(tuple(f.get("rule").asText(), f.get("resourceId").asText())));
        return out;
    }

    @Test
    void findsExactlyThePlantedProblemsAndTagFixClearsTheOwnerTags(TestLab lab) throws Exception {
        seed(lab);
        String frankUse1 = unnamed("ec2-instance", "us-east-1", "frank");
        String bobEuc1 = unnamed("ec2-instance", "eu-central-1", "bob");
        List<Tuple> planted = new ArrayList<>(List.of(
                // people: console users without MFA, a user with two active keys
                tuple("mfa-missing", "bob"), tuple("mfa-missing", "carol"), tuple("two-active-keys", "bob"),
                // a bucket anyone can read
                tuple("s3-public", "lab-public-share"),
                // the Tokyo latency test is outside the lab's regions (with its root volume)
                tuple("region-not-allowed", id("tokyo-test")), tuple("region-not-allowed", rootOf(id("tokyo-test"))),
                // the old single-region trail left behind, not logging
                tuple("cloudtrail-not-logging", "old-trail"),
                // a notebook machine started by hand and forgotten: CPU under 1% all day
                tuple("instance-idle-running", id("jupyter-dave")),
                // forgotten volumes and idle addresses
                tuple("ebs-unattached", id("scratch-500g")), tuple("ebs-unattached", unnamed("ebs-volume", "us-east-1", "frank")),
                tuple("ebs-unattached", id("archive-disk")),
                tuple("eip-idle", unnamed("elastic-ip", "us-east-1", "bob")), tuple("eip-idle", id("old-analysis-ip")),
                // tags: missing keys, an Email that is no address, an empty Owner
                tuple("required-tags", id("train-bob")), tuple("required-tags", id("gpu-carol")),
                tuple("required-tags", frankUse1), tuple("required-tags", id("etl-worker")),
                tuple("required-tags", bobEuc1), tuple("required-tags", id("tokyo-test")),
                tuple("required-tags", id("scratch-500g")), tuple("required-tags", unnamed("ebs-volume", "us-east-1", "frank")),
                tuple("required-tags", unnamed("ebs-snapshot", "eu-central-1", "bob")),
                tuple("required-tags", unnamed("elastic-ip", "us-east-1", "bob")), tuple("required-tags", id("old-analysis-ip")),
                tuple("required-tags", id("scratch-efs")), tuple("required-tags", "lab-scratch"),
                tuple("required-tags", "lab-public-share")));
        // every instance's root volume was launched untagged
        rootVolumes.forEach(v -> planted.add(tuple("required-tags", v)));

        JsonNode before = audit();
        assertThat(findings(before)).containsExactlyInAnyOrderElementsOf(planted);
        assertThat(before.get("summary").get("new").asInt()).isEqualTo(planted.size());
        assertThat(before.get("errors")).isEmpty();
        // owners come from the Owner tag, else from CloudTrail
        Map<String, JsonNode> byKey = new TreeMap<>();
        before.get("findings").forEach(f -> byKey.put(f.get("rule").asText() + " " + f.get("resourceId").asText(), f));
        JsonNode frankFinding = byKey.get("required-tags " + frankUse1);
        assertThat(frankFinding.get("owner").asText()).isEqualTo("frank");
        assertThat(frankFinding.get("ownerSource").asText()).isEqualTo("cloudtrail");
        assertThat(frankFinding.get("fix").asText()).startsWith("labcloud tag fix --from-trail --apply");
        assertThat(byKey.get("ebs-unattached " + id("scratch-500g")).get("owner").asText()).isEqualTo("dave");
        assertThat(byKey.get("required-tags " + rootOf(id("p3-sweep"))).get("owner").asText()).isEqualTo("dave");

        // dry runs change nothing: every tag in the account is as it was
        Map<String, Map<String, String>> tagsBefore = tagState();
        CliResult dry = lab.run("tag", "fix", "--from-trail", "--regions", REGIONS);
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.stderr()).contains("dry run");
        assertThat(dry.stdout()).containsPattern(frankUse1 + " +us-east-1 +Owner +frank +-")
                .containsPattern("Email +frank@lab\\.example\\.org +-");
        CliResult drySet = lab.run("tag", "set", "--filter", "type=ebs-volume", "Project=genomics", "--regions", REGIONS);
        assertThat(drySet.exitCode()).as(drySet.toString()).isZero();
        assertThat(drySet.stderr()).contains("dry run");
        assertThat(tagState()).isEqualTo(tagsBefore);
        JsonNode again = audit();
        assertThat(findings(again)).containsExactlyInAnyOrderElementsOf(planted);
        assertThat(again.get("summary").get("persisting").asInt()).isEqualTo(planted.size());
        assertThat(Files.exists(lab.home().resolve(".labcloud/audit.log"))).isFalse();

        CliResult fix = lab.run("tag", "fix", "--from-trail", "--regions", REGIONS, "--apply");
        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        Map<String, Map<String, String>> tagsAfter = tagState();
        assertThat(tagsAfter.get("us-east-1 " + frankUse1)).containsEntry("Owner", "frank");
        assertThat(tagsAfter.get("s3 lab-scratch")).containsKey("Owner");
        JsonNode after = audit();
        // no finding is about a missing Owner or Email any more
        for (JsonNode f : after.get("findings")) {
            if (!f.get("rule").asText().equals("required-tags")) continue;
            assertThat(f.get("details").get("missing").toString()).as(f.toString()).doesNotContain("Owner", "Email");
        }
        List<Tuple> gone = List.of(tuple("required-tags", id("etl-worker")), tuple("required-tags", id("tokyo-test")),
                tuple("required-tags", rootOf(id("jupyter-alice"))), tuple("required-tags", rootOf(id("p3-sweep"))),
                tuple("required-tags", rootOf(id("tokyo-test"))), tuple("required-tags", rootOf(id("gpu-carol"))));
        assertThat(findings(after)).doesNotContainAnyElementsOf(gone)
                // what CloudTrail cannot know stays: Project/Task, and carol's bad address (never overwritten)
                .contains(tuple("required-tags", id("gpu-carol")), tuple("required-tags", "lab-scratch"),
                        tuple("required-tags", frankUse1), tuple("mfa-missing", "bob"));
        JsonNode carol = null;
        for (JsonNode f : after.get("findings")) {
            if (f.get("resourceId").asText().equals(id("gpu-carol")) && f.get("rule").asText().equals("required-tags")) carol = f;
        }
        assertThat(carol.get("message").asText()).isEqualTo("Email not an address");
        assertThat(Files.readAllLines(lab.home().resolve(".labcloud/audit.log"))).isNotEmpty()
                .allMatch(l -> l.contains("\"action\":\"tag\""));
    }
}
