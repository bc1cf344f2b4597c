package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamPolicyCommandTest {
    @TempDir
    Path home;

    private CliResult run(String... args) {
        return CliResult.run(Environment.of(Map.of("HOME", home.toString())), args);
    }

    private static List<String> actions(CliResult r) throws Exception {
        JsonNode doc = Json.MAPPER.readTree(r.stdout());
        assertThat(doc.get("Version").asText()).isEqualTo("2012-10-17");
        JsonNode st = doc.get("Statement").get(0);
        assertThat(st.get("Effect").asText()).isEqualTo("Allow");
        List<String> out = new ArrayList<>();
        st.get("Action").forEach(a -> out.add(a.asText()));
        return out;
    }

    @Test
    void printsEachCommandsPolicy() throws Exception {
        CliResult trail = run("iam-policy", "trail");
        assertThat(trail.exitCode()).as(trail.toString()).isZero();
        // a role that can see CloudTrail and nothing more
        assertThat(actions(trail)).allMatch(a -> a.startsWith("cloudtrail:") || a.startsWith("s3:Get") || a.equals("s3:ListBucket")
                || a.equals("ec2:DescribeRegions")).contains("cloudtrail:LookupEvents", "s3:GetObject");
        List<String> tagSet = actions(run("iam-policy", "tag", "set"));
        assertThat(tagSet).contains("ec2:CreateTags", "s3:PutBucketTagging", "elasticfilesystem:TagResource")
                .doesNotContain("cloudtrail:LookupEvents").isSorted();
        assertThat(actions(run("iam-policy", "tag-fix"))).contains("ec2:CreateTags", "cloudtrail:LookupEvents");
        List<String> audit = actions(run("iam-policy", "audit"));
        assertThat(audit).contains("cloudtrail:DescribeTrails", "s3:GetObject", "ec2:DescribeVolumes", "iam:ListAccessKeys").noneMatch(a -> a.contains("Create") || a.contains("Put"));
        assertThat(actions(run("iam-policy", "--all"))).containsAll(audit).containsAll(tagSet);
    }

    /** Each file is a valid policy fragment: the audit and tag files name their own actions, well formed. */
    @Test
    void ownFilesListWellFormedActions() throws Exception {
        for (String file : List.of("audit", "tag-set", "tag-fix", "trail")) {
            try (var in = getClass().getClassLoader().getResourceAsStream("iam/" + file + ".json")) {
                assertThat(in).as(file).isNotNull();
                JsonNode doc = Json.MAPPER.readTree(in);
                assertThat(doc.get("command").asText()).isEqualTo(file.replace('-', ' '));
                assertThat(doc.get("actions")).as(file).isNotEmpty();
                doc.get("actions").forEach(a -> assertThat(a.asText()).matches("[a-z0-9-]+:[A-Z][A-Za-z]+"));
            }
        }
    }

    @Test
    void listsCommandsAndRejectsUnknownOnes() {
        CliResult list = run("iam-policy");
        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).contains("audit", "trail", "tag set", "tag fix");
        CliResult bad = run("iam-policy", "teleport");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr().strip()).startsWith("labcloud: no IAM policy for command 'teleport'").doesNotContain("\n");
    }
}
