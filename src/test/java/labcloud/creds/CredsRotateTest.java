package labcloud.creds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.FaultProxy;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

@ExtendWith(Moto.class)
class CredsRotateTest {
    private static Map<String, String> keys(TestLab lab, String user) {
        return lab.aws().iam().listAccessKeys(b -> b.userName(user)).accessKeyMetadata().stream()
                .collect(Collectors.toMap(AccessKeyMetadata::accessKeyId, AccessKeyMetadata::statusAsString));
    }

    /** A file where the key is used by two profiles, next to an unrelated profile and comments. */
    private static Path fileWithKeyInTwoProfiles(TestLab lab, AccessKey key) throws Exception {
        Path creds = Files.createDirectories(lab.home().resolve(".aws")).resolve("credentials");
        Files.writeString(creds, "# work\r\n[alice]\r\naws_access_key_id = " + key.accessKeyId() + "\r\naws_secret_access_key = "
                + key.secretAccessKey() + "\r\nregion = eu-west-1\r\n\r\n[other]\r\naws_access_key_id = OTHERKEYID000000\r\n"
                + "aws_secret_access_key = other-secret-value-0000\r\n\r\n[alice-copy]\r\naws_access_key_id="
                + key.accessKeyId() + "\r\naws_secret_access_key=" + key.secretAccessKey() + "\r\n");
        return creds;
    }

    @Test
    void dryRunThenRotationUpdatesEveryProfileAndDeactivatesTheOldKey(TestLab lab) throws Exception {
        AccessKey old = IamFixture.userWithKey(lab, "alice");
        Path creds = fileWithKeyInTwoProfiles(lab, old);
        String before = Files.readString(creds);

        CliResult dry = lab.run("--profile", "alice", "creds", "rotate");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.stderr()).contains("Dry run").contains("create a new access key").contains("alice, alice-copy");
        assertThat(Files.readString(creds)).isEqualTo(before);
        assertThat(keys(lab, "alice")).isEqualTo(Map.of(old.accessKeyId(), "Active"));

        CliResult r = lab.run("--profile", "alice", "--output", "json", "creds", "rotate", "--apply");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.stdout());
        String newKey = j.get("newAccessKeyId").asText();
        assertThat(keys(lab, "alice")).isEqualTo(Map.of(old.accessKeyId(), "Inactive", newKey, "Active"));
        String after = Files.readString(creds);
        assertThat(after).doesNotContain(old.accessKeyId()).doesNotContain(old.secretAccessKey());
        String newSecret = AwsCli.run(lab.home(), "configure", "get", "aws_secret_access_key", "--profile", "alice-copy")
                .stdout().strip();
        assertThat(after).isEqualTo(before.replace(old.accessKeyId(), newKey).replace(old.secretAccessKey(), newSecret));
        assertThat(r.stdout() + r.stderr()).doesNotContain(newSecret).doesNotContain(old.secretAccessKey());

        CliResult sts = AwsCli.run(lab.home(), "sts", "get-caller-identity", "--profile", "alice",
                "--endpoint-url", lab.moto().endpoint().toString());
        assertThat(sts.stdout()).as(sts.toString()).contains("user/alice");
        String audit = Files.readString(lab.home().resolve(".labcloud/audit.log"));
        assertThat(audit).contains("creds.rotate.create").contains(newKey).contains("creds.rotate.deactivate-old")
                .doesNotContain(newSecret).doesNotContain(old.secretAccessKey());
    }

    @Test
    void withTwoExistingKeysTheOtherIsDeletedOnlyWhenAsked(TestLab lab) throws Exception {
        AccessKey old = IamFixture.userWithKey(lab, "bob");
        AccessKey other = lab.aws().iam().createAccessKey(b -> b.userName("bob")).accessKey();
        Path creds = IamFixture.writeProfile(lab, "bob", old);
        String before = Files.readString(creds);

        CliResult refused = lab.run("--profile", "bob", "creds", "rotate", "--apply");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.stderr()).contains("is ACTIVE").contains("--delete-other-key");
        assertThat(keys(lab, "bob")).isEqualTo(Map.of(old.accessKeyId(), "Active", other.accessKeyId(), "Active"));
        assertThat(Files.readString(creds)).isEqualTo(before);

        CliResult r = lab.run("--profile", "bob", "--output", "json", "creds", "rotate", "--apply",
                "--delete-other-key", "--delete-old");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String newKey = Json.MAPPER.readTree(r.stdout()).get("newAccessKeyId").asText();
        assertThat(keys(lab, "bob")).isEqualTo(Map.of(newKey, "Active"));
        assertThat(Files.readString(creds)).contains("aws_access_key_id = " + newKey);
    }

    @Test
    void failedVerificationRollsBackToTheOldKeyAndFile(TestLab lab) throws Exception {
        AccessKey old = IamFixture.userWithKey(lab, "carol");
        Path creds = fileWithKeyInTwoProfiles(lab, old);
        byte[] before = Files.readAllBytes(creds);
        try (FaultProxy proxy = new FaultProxy(lab.moto().endpoint())) {
            // STS rejects every call signed with a key other than the old one: the new key "never works".
            proxy.rule(req -> "sts".equals(Signed.service(req)) && !old.accessKeyId().equals(Signed.keyId(req))
                    ? new FaultProxy.Fault.Respond(403, "text/xml", Signed.error("InvalidClientTokenId",
                            "The security token included in the request is invalid."))
                    : FaultProxy.Fault.NONE);
            lab.vars().put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            lab.vars().put("LABCLOUD_ROTATE_VERIFY_SECONDS", "2");
            CliResult r = lab.run("--profile", "alice", "creds", "rotate", "--apply");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
            List<String> errors = r.stderr().lines().filter(l -> l.startsWith("labcloud:")).toList();
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst()).contains("rolled back").contains("still active").contains("InvalidClientTokenId");
            assertThat(proxy.faults()).isGreaterThanOrEqualTo(2); // retried for propagation
        }
        assertThat(keys(lab, "carol")).isEqualTo(Map.of(old.accessKeyId(), "Active"));
        assertThat(Files.readAllBytes(creds)).isEqualTo(before);
        assertThat(Files.readAllBytes(creds.resolveSibling("credentials.bak"))).isEqualTo(before);
        String audit = Files.readString(lab.home().resolve(".labcloud/audit.log"));
        assertThat(audit).contains("creds.rotate.rollback");
    }

    @Test
    void profileWithoutKeyIsExitTwo(TestLab lab) throws Exception {
        Files.createDirectories(lab.home().resolve(".aws"));
        Files.writeString(lab.home().resolve(".aws/config"), "[profile sso]\nsso_start_url = https://x.awsapps.com/start\n");
        CliResult r = lab.run("--profile", "sso", "creds", "rotate");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("no aws_access_key_id");
    }
}
