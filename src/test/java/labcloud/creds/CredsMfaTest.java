package labcloud.creds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.FaultProxy;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.model.AccessKey;

@ExtendWith(Moto.class)
class CredsMfaTest {
    private static JsonNode json(CliResult r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return Json.MAPPER.readTree(r.stdout());
    }

    @Test
    void firstUseMovesLongTermKeysWritesSessionAndReusesIt(TestLab lab) throws Exception {
        AccessKey key = IamFixture.userWithKey(lab, "alice");
        String serial = IamFixture.enableVirtualMfa(lab, "alice");
        Path creds = IamFixture.writeProfile(lab, "alice", key);

        JsonNode first = json(lab.run("--profile", "alice", "--output", "json", "creds", "mfa", "--code", "123456",
                "--duration", "1h"));
        assertThat(first.get("status").asText()).isEqualTo("created");
        assertThat(first.get("movedLongTermKeys").asBoolean()).isTrue();
        assertThat(first.get("mfaSerial").asText()).isEqualTo(serial); // found through ListMFADevices
        Instant exp = Instant.parse(first.get("expiration").asText());
        assertThat(exp).isAfter(Instant.now().plusSeconds(3000)).isBefore(Instant.now().plusSeconds(3700));

        String written = Files.readString(creds);
        assertThat(written).startsWith("[alice]\naws_access_key_id = ");
        assertThat(written).contains("[alice-long-term]\naws_access_key_id = " + key.accessKeyId()
                + "\naws_secret_access_key = " + key.secretAccessKey() + "\nmfa_serial = " + serial + "\n");
        // The AWS CLI reads the session keys of [alice] and the long-term keys of [alice-long-term].
        CliResult token = AwsCli.run(lab.home(), "configure", "get", "aws_session_token", "--profile", "alice");
        assertThat(token.stdout().strip()).isNotEmpty();
        assertThat(AwsCli.run(lab.home(), "configure", "get", "aws_access_key_id", "--profile", "alice-long-term")
                .stdout().strip()).isEqualTo(key.accessKeyId());
        CliResult sts = AwsCli.run(lab.home(), "sts", "get-caller-identity", "--profile", "alice",
                "--endpoint-url", lab.moto().endpoint().toString());
        assertThat(sts.exitCode()).as(sts.toString()).isZero();

        // Still valid: reused without asking for a code, file untouched.
        CliResult again = lab.run("--profile", "alice", "--output", "json", "creds", "mfa");
        JsonNode second = json(again);
        assertThat(second.get("status").asText()).isEqualTo("reused");
        assertThat(Files.readString(creds)).isEqualTo(written);

        // whoami now sees the MFA session.
        CliResult who = lab.run("--profile", "alice", "--output", "json", "creds", "whoami");
        assertThat(json(who).get("origin").asText()).isEqualTo("profile (MFA session keys)");

        // --force gets a new session.
        JsonNode forced = json(lab.run("--profile", "alice", "--output", "json", "creds", "mfa", "--force", "--code", "654321"));
        assertThat(forced.get("status").asText()).isEqualTo("created");
        assertThat(forced.get("movedLongTermKeys").asBoolean()).isFalse();
        assertThat(Files.readString(creds)).isNotEqualTo(written).contains("aws_access_key_id = " + key.accessKeyId());
        for (CliResult r : new CliResult[] {again, who}) {
            assertThat(r.stdout() + r.stderr()).doesNotContain(key.secretAccessKey());
        }
    }

    @Test
    void expiredSessionIsRenewed(TestLab lab) throws Exception {
        AccessKey key = IamFixture.userWithKey(lab, "bob");
        Path creds = Files.createDirectories(lab.home().resolve(".aws")).resolve("credentials");
        String expired = "# bob's keys\n[bob]\nregion = eu-west-1\naws_access_key_id = OLDSESSIONKEY000\n"
                + "aws_secret_access_key = old-session-secret-000000\naws_session_token = old-session-token-00000000\n"
                + "expiration = 2020-01-01 00:00:00\n\n[bob-long-term]\naws_access_key_id = " + key.accessKeyId()
                + "\naws_secret_access_key = " + key.secretAccessKey() + "\n";
        Files.writeString(creds, expired);
        CliResult r = lab.run("--profile", "bob", "--output", "json", "creds", "mfa", "--code", "000111",
                "--serial", "arn:aws:iam::123456789012:mfa/bob-phone");
        JsonNode j = json(r);
        assertThat(j.get("status").asText()).isEqualTo("created");
        String now = Files.readString(creds);
        assertThat(now).startsWith("# bob's keys\n[bob]\nregion = eu-west-1\naws_access_key_id = ")
                .doesNotContain("OLDSESSIONKEY000").doesNotContain("2020-01-01")
                .contains("[bob-long-term]\naws_access_key_id = " + key.accessKeyId());
        assertThat(r.stdout() + r.stderr()).doesNotContain(key.secretAccessKey());
    }

    @Test
    void wrongCodeIsAClearAuthErrorAndChangesNothing(TestLab lab) throws Exception {
        AccessKey key = IamFixture.userWithKey(lab, "carol");
        Path creds = IamFixture.writeProfile(lab, "carol", key);
        String before = Files.readString(creds);
        try (FaultProxy proxy = new FaultProxy(lab.moto().endpoint())) {
            // STS's real answer to a bad one-time code; moto itself does not check codes.
            proxy.rule(req -> "sts".equals(Signed.service(req))
                    ? new FaultProxy.Fault.Respond(403, "text/xml", Signed.error("AccessDenied",
                            "MultiFactorAuthentication failed with invalid MFA one time pass code. "))
                    : FaultProxy.Fault.NONE);
            lab.vars().put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            CliResult r = lab.run("--profile", "carol", "creds", "mfa", "--code", "999999",
                    "--serial", "arn:aws:iam::123456789012:mfa/carol-phone");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
            assertThat(r.stderr().strip().lines()).hasSize(1);
            assertThat(r.stderr()).contains("MFA code was not accepted").contains("carol-phone");
            assertThat(proxy.faults()).isEqualTo(1);
        }
        assertThat(Files.readString(creds)).isEqualTo(before);
        assertThat(creds.resolveSibling("credentials.bak")).doesNotExist();
    }

    @Test
    void badInputIsExitTwo(TestLab lab) throws Exception {
        AccessKey key = IamFixture.userWithKey(lab, "dan");
        IamFixture.writeProfile(lab, "dan", key);
        CliResult noCode = lab.run("--profile", "dan", "creds", "mfa", "--serial", "arn:aws:iam::123456789012:mfa/x");
        assertThat(noCode.exitCode()).as(noCode.toString()).isEqualTo(2);
        assertThat(noCode.stderr()).contains("--code");
        CliResult badDuration = lab.run("--profile", "dan", "creds", "mfa", "--code", "123456", "--duration", "40h");
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.stderr()).contains("15m to 36h");
        CliResult noDevice = lab.run("--profile", "dan", "creds", "mfa", "--code", "123456");
        assertThat(noDevice.exitCode()).isEqualTo(2);
        assertThat(noDevice.stderr()).contains("no MFA device");
    }
}
