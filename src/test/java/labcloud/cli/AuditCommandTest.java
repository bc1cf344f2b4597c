package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.ResourceType;

@ExtendWith(Moto.class)
class AuditCommandTest {

    /** A small account: a console user without MFA and one key, a forgotten but tagged volume, a trail. */
    private static String seed(TestLab lab) {
        var iam = lab.aws().iam();
        iam.createUser(b -> b.userName("zoe").tags(t -> t.key("Email").value("zoe@lab.example.org")));
        iam.createLoginProfile(b -> b.userName("zoe").password("Zoe-Demo-Passw0rd"));
        String key = iam.createAccessKey(b -> b.userName("zoe")).accessKey().accessKeyId();
        lab.aws().ec2("us-east-1").createVolume(b -> b.availabilityZone("us-east-1a").size(50)
                .tagSpecifications(t -> t.resourceType(ResourceType.VOLUME).tags(
                        tag("Owner", "zoe"), tag("Email", "zoe@lab.example.org"), tag("Project", "x"), tag("Task", "y"))));
        lab.aws().s3("us-east-1").createBucket(b -> b.bucket("zoe-trail"));
        lab.aws().s3("us-east-1").putBucketTagging(b -> b.bucket("zoe-trail").tagging(t -> t.tagSet(
                s3tag("Owner", "zoe"), s3tag("Email", "zoe@lab.example.org"), s3tag("Project", "x"), s3tag("Task", "y"))));
        lab.aws().cloudTrail("us-east-1").createTrail(b -> b.name("main-trail").s3BucketName("zoe-trail").isMultiRegionTrail(true));
        lab.aws().cloudTrail("us-east-1").startLogging(b -> b.name("main-trail"));
        return key;
    }

    private static software.amazon.awssdk.services.s3.model.Tag s3tag(String k, String v) {
        return software.amazon.awssdk.services.s3.model.Tag.builder().key(k).value(v).build();
    }

    private static software.amazon.awssdk.services.ec2.model.Tag tag(String k, String v) {
        return software.amazon.awssdk.services.ec2.model.Tag.builder().key(k).value(v).build();
    }

    @Test
    void reportsFailsOnSeverityAndFitsEightyColumns(TestLab lab) throws Exception {
        String key = seed(lab);
        CliResult table = lab.run("audit", "--regions", "us-east-1");
        assertThat(table.exitCode()).as(table.toString()).isEqualTo(1);
        assertThat(table.stdout()).contains("mfa-missing (high, 1)", "zoe", "ebs-unattached (medium, 1)", "$5.00")
                .doesNotContain("zoe-trail");
        assertThat(table.stdout().lines()).allMatch(l -> l.codePointCount(0, l.length()) <= 80);
        assertThat(table.stderr()).contains("2 findings (2 new, 0 persisting)");

        assertThat(lab.run("audit", "--regions", "us-east-1", "--fail-on", "critical").exitCode()).isZero();
        CliResult high = lab.run("audit", "--regions", "us-east-1", "--fail-on", "high");
        assertThat(high.exitCode()).isEqualTo(1);
        assertThat(high.stderr()).contains("2 findings (0 new, 2 persisting)");

        // at the end of next year the key is overdue; that preview is not recorded as history
        JsonNode later = Json.MAPPER.readTree(lab.run("audit", "--regions", "us-east-1", "--as-of", "2027-12-31",
                "--output", "json").stdout());
        JsonNode age = null;
        for (JsonNode f : later.get("findings")) if (f.get("rule").asText().equals("access-key-age")) age = f;
        assertThat(age).isNotNull();
        assertThat(age.get("resourceId").asText()).as("the full key id, to act on").isEqualTo(key);
        assertThat(age.get("severity").asText()).isEqualTo("high");
        assertThat(age.get("owner").asText()).isEqualTo("zoe");
        assertThat(later.get("summary").get("asOf").asText()).startsWith("2027-12-31T23:59:59");
        JsonNode now = Json.MAPPER.readTree(lab.run("audit", "--regions", "us-east-1", "--output", "json").stdout());
        assertThat(now.get("summary").get("new").asInt()).isZero();
        assertThat(now.get("findings").get(0).fieldNames()).toIterable().startsWith("rule", "severity", "resourceType",
                "resourceId", "region", "message", "details");

        CliResult csv = lab.run("audit", "--regions", "us-east-1", "--output", "csv");
        assertThat(csv.stdout().lines().findFirst().orElseThrow()).startsWith("RULE,SEVERITY,RESOURCE_TYPE,RESOURCE_ID,REGION,OWNER");
    }

    @Test
    void digestPerOwner(TestLab lab) throws Exception {
        seed(lab);
        CliResult r = lab.run("audit", "--regions", "us-east-1", "--by-owner");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).contains("To: zoe <zoe@lab.example.org>", "Hello zoe,", "2 items", "console, no MFA",
                "fix: ");
        JsonNode doc = Json.MAPPER.readTree(lab.run("audit", "--regions", "us-east-1", "--by-owner", "--output", "json").stdout());
        assertThat(doc.get("owners")).hasSize(1);
        assertThat(doc.get("owners").get(0).get("email").asText()).isEqualTo("zoe@lab.example.org");
    }

    @Test
    void badInputStopsBeforeAnyAwsCall(TestLab lab) throws Exception {
        Path policy = lab.home().resolve("lab-policy.yaml");
        Files.writeString(policy, "rules:\n  access-key-age:\n    maxDays: ninety\n");
        // no endpoint that answers: any AWS call would fail with exit 5, not 2
        lab.vars().put("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
        CliResult r = lab.run("audit", "--policy", policy.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).isEqualTo("labcloud: " + policy + ":3: rules.access-key-age.maxDays: expected a whole number, got 'ninety'");
        Files.writeString(policy, "rules:\n  mfa-missing: {severity: high\n");
        assertThat(lab.run("audit", "--policy", policy.toString()).stderr()).contains(policy + ":", "YAML syntax error");
        assertThat(lab.run("audit", "--fail-on", "urgent").exitCode()).isEqualTo(2);
        assertThat(lab.run("audit", "--as-of", "next tuesday").exitCode()).isEqualTo(2);
        assertThat(lab.run("audit", "--policy", lab.home().resolve("none.yaml").toString()).stderr()).contains("no such policy file");
    }
}
