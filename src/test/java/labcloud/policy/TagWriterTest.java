package labcloud.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import labcloud.core.AuditLog;
import labcloud.core.Json;
import labcloud.inventory.Resource;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each service's tagging call against moto, and the audit log. */
@ExtendWith(Moto.class)
class TagWriterTest {

    @Test
    void tagsEveryKindOfResourceAndLogsEachChange(TestLab lab) throws Exception {
        var aws = lab.aws();
        String instance = aws.ec2("eu-west-1").runInstances(b -> b.imageId("ami-12345678").instanceType("t3.micro")
                .minCount(1).maxCount(1)).instances().get(0).instanceId();
        String volume = aws.ec2("eu-west-1").createVolume(b -> b.availabilityZone("eu-west-1a").size(10)).volumeId();
        String eip = aws.ec2("us-east-1").allocateAddress(b -> b.domain("vpc")).allocationId();
        String fs = aws.efs("us-east-1").createFileSystem(b -> b.creationToken("tw")).fileSystemId();
        aws.s3("us-east-1").createBucket(b -> b.bucket("tagged-bucket"));
        aws.s3("us-east-1").putBucketTagging(b -> b.bucket("tagged-bucket").tagging(t -> t.tagSet(
                software.amazon.awssdk.services.s3.model.Tag.builder().key("Project").value("genomics").build())));
        aws.s3("us-east-1").createBucket(b -> b.bucket("bare-bucket"));
        aws.iam().createUser(b -> b.userName("erin"));

        Map<String, String> owner = Map.of("Owner", "erin", "Email", "erin@lab.example.org");
        List<TagChange> plan = List.of(
                new TagChange(Resource.EC2_INSTANCE, instance, "eu-west-1", owner, Map.of(), "t"),
                new TagChange(Resource.EBS_VOLUME, volume, "eu-west-1", owner, Map.of(), "t"),
                new TagChange(Resource.ELASTIC_IP, eip, "us-east-1", owner, Map.of(), "t"),
                new TagChange(Resource.EFS_FILESYSTEM, fs, "us-east-1", owner, Map.of(), "t"),
                new TagChange(Resource.S3_BUCKET, "tagged-bucket", "us-east-1", owner, Map.of(), "t"),
                new TagChange(Resource.S3_BUCKET, "bare-bucket", "us-east-1", owner, Map.of(), "t"),
                new TagChange(Resource.IAM_USER, "erin", "global", Map.of("Owner", "erin"), Map.of(), "t"),
                new TagChange(Resource.EBS_VOLUME, "vol-0000000000000dead", "eu-west-1", owner, Map.of(), "t"));
        AuditLog log = new AuditLog(lab.environment());
        List<TagWriter.Outcome> out = new TagWriter(aws, log).apply(plan, "tag test");
        assertThat(out).extracting(TagWriter.Outcome::applied).containsExactly(true, true, true, true, true, true, true, false);
        assertThat(out.get(7).error()).contains("vol-0000000000000dead").doesNotContain("\n");

        assertThat(ec2Tags(aws.ec2("eu-west-1").describeInstances(b -> b.instanceIds(instance)).reservations().get(0)
                .instances().get(0).tags())).containsAllEntriesOf(owner);
        assertThat(ec2Tags(aws.ec2("eu-west-1").describeVolumes(b -> b.volumeIds(volume)).volumes().get(0).tags()))
                .containsAllEntriesOf(owner);
        assertThat(ec2Tags(aws.ec2("us-east-1").describeAddresses(b -> b.allocationIds(eip)).addresses().get(0).tags()))
                .containsAllEntriesOf(owner);
        assertThat(aws.efs("us-east-1").listTagsForResource(b -> b.resourceId(fs)).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()))).containsAllEntriesOf(owner);
        // the bucket's existing tags survive: PutBucketTagging replaces the set, so labcloud merges
        Map<String, String> bucket = aws.s3("us-east-1").getBucketTagging(b -> b.bucket("tagged-bucket")).tagSet().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        assertThat(bucket).containsAllEntriesOf(owner).containsEntry("Project", "genomics");
        assertThat(aws.s3("us-east-1").getBucketTagging(b -> b.bucket("bare-bucket")).tagSet()).hasSize(2);
        assertThat(aws.iam().listUserTags(b -> b.userName("erin")).tags()).extracting(t -> t.key()).contains("Owner");

        List<String> lines = Files.readAllLines(log.file());
        assertThat(lines).hasSize(7);
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertThat(first.get("action").asText()).isEqualTo("tag");
        assertThat(first.get("command").asText()).isEqualTo("tag test");
        assertThat(first.get("resourceId").asText()).isEqualTo(instance);
        assertThat(first.get("tags").get("Owner").asText()).isEqualTo("erin");
    }

    private static Map<String, String> ec2Tags(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        tags.forEach(t -> m.put(t.key(), t.value()));
        return m;
    }
}
