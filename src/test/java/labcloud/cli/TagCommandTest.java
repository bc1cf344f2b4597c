package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.ResourceType;

@ExtendWith(Moto.class)
class TagCommandTest {

    private static Map<String, String> tagsOf(TestLab lab, String volumeId) {
        return lab.aws().ec2("us-east-1").describeVolumes(b -> b.volumeIds(volumeId)).volumes().get(0).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    private static String volume(TestLab lab, String project) {
        return lab.aws().ec2("us-east-1").createVolume(b -> {
            b.availabilityZone("us-east-1a").size(10);
            if (project != null) b.tagSpecifications(t -> t.resourceType(ResourceType.VOLUME).tags(
                    software.amazon.awssdk.services.ec2.model.Tag.builder().key("Project").value(project).build()));
        }).volumeId();
    }

    @Test
    void setIsADryRunUntilApply(TestLab lab) throws Exception {
        String v = volume(lab, null);
        CliResult dry = lab.run("tag", "set", v, "Project=genomics", "Task=qc", "--regions", "us-east-1");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        // one row per tag: the resource on the first, the next one indented under it
        assertThat(dry.stdout().lines().filter(l -> l.contains("genomics") || l.contains("qc")).map(String::strip))
                .containsExactly(v + "  us-east-1  Project  genomics  -", "Task     qc        -");
        assertThat(dry.stdout().lines()).allMatch(l -> l.length() <= 80);
        assertThat(dry.stderr()).contains("dry run: 1 resources would be tagged");
        assertThat(tagsOf(lab, v)).isEmpty();
        assertThat(Files.exists(lab.home().resolve(".labcloud/audit.log"))).isFalse();

        CliResult done = lab.run("tag", "set", v, "Project=genomics", "Task=qc", "--regions", "us-east-1", "--apply");
        assertThat(done.exitCode()).as(done.toString()).isZero();
        assertThat(tagsOf(lab, v)).isEqualTo(Map.of("Project", "genomics", "Task", "qc"));
        assertThat(Files.readString(lab.home().resolve(".labcloud/audit.log"))).contains(v, "\"Project\":\"genomics\"");
        // nothing left to do the second time
        assertThat(lab.run("tag", "set", v, "Project=genomics", "--regions", "us-east-1").stderr()).contains("nothing to change");
    }

    @Test
    void filterAndMissingOnlyLeaveExistingValues(TestLab lab) throws Exception {
        String bare = volume(lab, null);
        String tagged = volume(lab, "vision");
        CliResult r = lab.run("tag", "set", "--filter", "type=ebs-volume", "--missing-only", "Project=genomics",
                "--regions", "us-east-1", "--apply", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.stdout());
        assertThat(doc.get("changes")).hasSize(1);
        assertThat(doc.get("changes").get(0).get("status").asText()).isEqualTo("applied");
        assertThat(tagsOf(lab, bare)).containsEntry("Project", "genomics");
        assertThat(tagsOf(lab, tagged)).containsEntry("Project", "vision");

        lab.run("tag", "set", "--filter", "tag:Task=", "--filter", "tag:Project=vision", "Task=segmentation",
                "--regions", "us-east-1", "--apply");
        assertThat(tagsOf(lab, tagged)).containsEntry("Task", "segmentation");
        assertThat(tagsOf(lab, bare)).doesNotContainKey("Task");
    }

    @Test
    void badInputIsOneLineAndChangesNothing(TestLab lab) {
        String v = volume(lab, null);
        CliResult unknown = lab.run("tag", "set", "vol-0000000000000abcd", "Project=x", "--regions", "us-east-1", "--apply");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr().strip()).contains("vol-0000000000000abcd").doesNotContain("\n");
        CliResult email = lab.run("tag", "set", v, "Email=bob-at-lab", "--apply");
        assertThat(email.exitCode()).isEqualTo(2);
        assertThat(email.stderr()).contains("not an e-mail address");
        assertThat(lab.run("tag", "set", v, "--apply").exitCode()).isEqualTo(2);
        assertThat(lab.run("tag", "set", "--filter", "colour=red", "Project=x").exitCode()).isEqualTo(2);
        assertThat(lab.run("tag", "fix").exitCode()).isEqualTo(2);
        assertThat(tagsOf(lab, v)).isEmpty();
    }
}
