package labcloud.creds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import labcloud.core.Json;
import labcloud.core.Redactor;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.model.AccessKey;

@ExtendWith(Moto.class)
class CredsWhoamiTest {
    @Test
    void iamUserProfileShowsKeyAgeMfaAndOrigin(TestLab lab) throws Exception {
        AccessKey key = IamFixture.userWithKey(lab, "alice");
        IamFixture.enableVirtualMfa(lab, "alice");
        IamFixture.writeProfile(lab, "alice", key);

        CliResult r = lab.run("--profile", "alice", "--output", "json", "creds", "whoami");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.stdout());
        assertThat(j.get("arn").asText()).endsWith(":user/alice");
        assertThat(j.get("account").asText()).isEqualTo("123456789012");
        assertThat(j.get("userName").asText()).isEqualTo("alice");
        assertThat(j.get("accessKeyId").asText()).isEqualTo(Redactor.shortKeyId(key.accessKeyId()));
        assertThat(j.get("keyAgeDays").asLong()).isZero();
        assertThat(j.get("keyStatus").asText()).isEqualTo("Active");
        assertThat(j.get("mfaEnabled").asBoolean()).isTrue();
        assertThat(j.get("origin").asText()).isEqualTo("profile (static keys)");
        assertThat(j.get("profile").asText()).isEqualTo("alice");
        assertThat(r.stdout() + r.stderr()).doesNotContain(key.accessKeyId()).doesNotContain(key.secretAccessKey());
    }

    @Test
    void tableOutputFromEnvironmentCredentialsSaysMfaIsOff(TestLab lab) {
        AccessKey key = IamFixture.userWithKey(lab, "bob");
        lab.vars().put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        lab.vars().put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        CliResult r = lab.run("creds", "whoami");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("user/bob").contains("NOT enabled").contains("environment variables")
                .contains("0 days").contains(Redactor.shortKeyId(key.accessKeyId()));
        assertThat(r.stdout() + r.stderr()).doesNotContain(key.accessKeyId()).doesNotContain(key.secretAccessKey());
    }

    @Test
    void missingProfileIsExitTwo(TestLab lab) {
        CliResult r = lab.run("--profile", "nope", "creds", "whoami");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).hasSize(1);
        assertThat(r.stderr()).contains("nope").contains("creds import");
    }
}
