package labcloud.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import labcloud.core.Json;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Moto.class)
class DemoAccountTest {
    @Test
    void seedsALabThatExercisesEveryFeature(TestLab lab) throws Exception {
        DemoManifest m = DemoAccount.seed(lab.aws());
        var instances = m.ofType("ec2-instance");
        assertThat(instances.stream().map(DemoManifest.Seeded::region).distinct()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(m.ofType("ebs-volume")).hasSizeGreaterThan(instances.size());
        assertThat(m.ofType("ebs-snapshot")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(m.ofType("efs-filesystem")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(m.ofType("s3-bucket")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(m.ofType("elastic-ip")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(m.ofType("iam-user")).hasSize(5);
        // what the emulator now holds matches the manifest
        for (String region : DemoAccount.REGIONS) {
            long seeded = instances.stream().filter(i -> i.region().equals(region)).count();
            long actual = lab.aws().ec2(region).describeInstances().reservations().stream()
                    .mapToLong(r -> r.instances().size()).sum();
            assertThat(actual).as(region).isEqualTo(seeded);
        }
        var states = lab.aws().ec2("us-east-1").describeInstances().reservations().stream()
                .flatMap(r -> r.instances().stream()).map(i -> i.state().nameAsString()).distinct().toList();
        assertThat(states).contains("running", "stopped");
        var users = lab.aws().iam().listUsers().users();
        assertThat(users).hasSize(5);
        assertThat(lab.aws().iam().listAccessKeys(b -> b.userName("bob")).accessKeyMetadata()).hasSize(2);
        assertThat(lab.aws().iam().listMFADevices(b -> b.userName("alice")).mfaDevices()).hasSize(1);
        assertThat(lab.aws().iam().listMFADevices(b -> b.userName("bob")).mfaDevices()).isEmpty();
    }

    @Test
    void cloudTrailLogsNameWhoCreatedEachResource(TestLab lab) throws Exception {
        DemoManifest m = DemoAccount.seed(lab.aws());
        var s3 = lab.aws().s3("us-east-1");
        var keys = s3.listObjectsV2Paginator(b -> b.bucket(DemoAccount.TRAIL_BUCKET)).contents().stream()
                .map(o -> o.key()).toList();
        assertThat(keys).isNotEmpty().allMatch(k -> k.matches(
                "AWSLogs/123456789012/CloudTrail/[a-z0-9-]+/\\d{4}/\\d{2}/\\d{2}/123456789012_CloudTrail_[a-z0-9-]+_\\d{8}T\\d{4}Z_[0-9a-f]{16}\\.json\\.gz"));
        Set<String> mentioned = new HashSet<>();
        for (String k : keys) {
            byte[] gz = s3.getObjectAsBytes(b -> b.bucket(DemoAccount.TRAIL_BUCKET).key(k)).asByteArray();
            JsonNode doc = Json.MAPPER.readTree(new GZIPInputStream(new ByteArrayInputStream(gz)));
            for (JsonNode r : doc.get("Records")) {
                assertThat(r.path("userIdentity").path("type").asText()).isIn("IAMUser", "AssumedRole");
                mentioned.add(r.toString());
            }
        }
        String all = String.join("\n", mentioned);
        for (var seeded : m.resources()) {
            if (seeded.type().equals("iam-user") || seeded.type().equals("ebs-volume") && seeded.name() == null) continue;
            assertThat(all).as(seeded.type() + " " + seeded.id()).contains(seeded.id());
        }
        assertThat(all).contains("assumed-role/LabResearcher/frank");
    }
}
