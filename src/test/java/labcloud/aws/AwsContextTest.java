package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.UsageException;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Moto.class)
class AwsContextTest {
    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Map<String, String> withoutKeys(TestLab lab) {
        Map<String, String> v = new HashMap<>(lab.vars());
        v.remove("AWS_ACCESS_KEY_ID");
        v.remove("AWS_SECRET_ACCESS_KEY");
        return v;
    }

    @Test
    void environmentKeysWinOverTheDefaultProfileLikeTheAwsCli(TestLab lab) throws Exception {
        write(lab.home().resolve(".aws/credentials"), "[default]\naws_access_key_id = fromfile\naws_secret_access_key = filesecret123\n");
        try (AwsContext aws = new AwsContext(AwsSettings.defaults(), lab.environment())) {
            assertThat(aws.credentials().accessKeyId()).isEqualTo("testing");
            assertThat(aws.credentialOrigin()).isEqualTo(CredentialOrigin.ENVIRONMENT);
        }
    }

    @Test
    void aBadMaxAttemptsIsOneUsageLine(TestLab lab) {
        Map<String, String> v = new HashMap<>(lab.vars());
        v.put("AWS_MAX_ATTEMPTS", "lots");
        try (AwsContext aws = new AwsContext(AwsSettings.defaults(), Environment.of(v))) {
            assertThatThrownBy(() -> aws.s3ObjectIo("us-east-1")).isInstanceOf(UsageException.class)
                    .hasMessage("AWS_MAX_ATTEMPTS must be a whole number of at least 1, not 'lots'");
        }
    }

    @Test
    void explicitProfileWinsOverEnvironmentKeys(TestLab lab) throws Exception {
        write(lab.home().resolve(".aws/credentials"),
                "[default]\naws_access_key_id = fromdefault\naws_secret_access_key = s1s1s1s1s1\n"
                        + "[lab]\naws_access_key_id = fromlab\naws_secret_access_key = s2s2s2s2s2\n");
        write(lab.home().resolve(".aws/config"), "[profile lab]\nregion = eu-west-1\n");
        try (AwsContext aws = new AwsContext(new AwsSettings("lab", null, null, false), lab.environment())) {
            assertThat(aws.credentials().accessKeyId()).isEqualTo("fromlab");
            assertThat(aws.credentialOrigin()).isEqualTo(CredentialOrigin.PROFILE);
            assertThat(aws.profileName()).contains("lab");
        }
    }

    @Test
    void awsProfileVariableSelectsTheProfileAndItsRegion(TestLab lab) throws Exception {
        write(lab.home().resolve(".aws/credentials"), "[lab]\naws_access_key_id = fromlab\naws_secret_access_key = s2s2s2s2s2\n");
        write(lab.home().resolve(".aws/config"), "[profile lab]\nregion = eu-west-1\n");
        Map<String, String> v = withoutKeys(lab);
        v.remove("AWS_REGION");
        v.put("AWS_PROFILE", "lab");
        try (AwsContext aws = new AwsContext(AwsSettings.defaults(), Environment.of(v))) {
            assertThat(aws.credentials().accessKeyId()).isEqualTo("fromlab");
            assertThat(aws.region()).isEqualTo("eu-west-1");
            // and the call really goes through with those credentials
            assertThat(aws.callerIdentity().account()).isEqualTo("123456789012");
        }
    }

    @Test
    void credentialProcessProfilesWork(TestLab lab) throws Exception {
        Path script = lab.home().resolve("creds.sh");
        write(script, "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"fromprocess\",\"SecretAccessKey\":\"procsecret123\"}'\n");
        script.toFile().setExecutable(true);
        write(lab.home().resolve(".aws/config"), "[profile proc]\ncredential_process = " + script + "\n");
        try (AwsContext aws = new AwsContext(new AwsSettings("proc", null, null, false), lab.environment())) {
            assertThat(aws.credentials().accessKeyId()).isEqualTo("fromprocess");
            assertThat(aws.credentialOrigin()).isEqualTo(CredentialOrigin.PROCESS);
        }
    }

    /** Temporary credentials (here from credential_process) are masked in any later output, token included. */
    @Test
    void temporaryCredentialsAreRegisteredWithTheRedactor(TestLab lab) throws Exception {
        java.util.Random r = new java.util.Random();
        byte[] bytes = new byte[30];
        r.nextBytes(bytes);
        String secret = java.util.Base64.getEncoder().encodeToString(bytes);
        byte[] tokenBytes = new byte[200];
        r.nextBytes(tokenBytes);
        String token = java.util.Base64.getEncoder().encodeToString(tokenBytes);
        Path script = lab.home().resolve("creds.sh");
        write(script, "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"ASIAPROCESS\",\"SecretAccessKey\":\"" + secret
                + "\",\"SessionToken\":\"" + token + "\"}'\n");
        script.toFile().setExecutable(true);
        write(lab.home().resolve(".aws/config"), "[profile proc]\ncredential_process = " + script + "\n");
        try (AwsContext aws = new AwsContext(new AwsSettings("proc", null, null, false), lab.environment())) {
            assertThat(aws.credentials().secretAccessKey()).isEqualTo(secret);
            String said = labcloud.core.Redactor.all("request failed: secret " + secret + " token " + token);
            assertThat(said).doesNotContain(secret).doesNotContain(token).contains("secret ****", "token ****");
        }
    }

    @Test
    void missingProfileIsAUsageErrorNamingIt(TestLab lab) {
        try (AwsContext aws = new AwsContext(new AwsSettings("nope", null, null, false), lab.environment())) {
            assertThatThrownBy(aws::credentials).isInstanceOf(UsageException.class).hasMessageContaining("'nope'");
        }
    }

    @Test
    void regionPrecedenceFlagThenEnvironment(TestLab lab) {
        try (AwsContext aws = new AwsContext(new AwsSettings(null, "ap-south-1", null, false), lab.environment())) {
            assertThat(aws.region()).isEqualTo("ap-south-1");
        }
        assertThat(lab.aws().region()).isEqualTo("us-east-1");
    }

    @Test
    void endpointComesFromTheEnvironmentAndIsValidated(TestLab lab) {
        assertThat(lab.aws().endpoint("EC2")).contains(lab.moto().endpoint());
        Map<String, String> v = new HashMap<>(lab.vars());
        v.put("AWS_ENDPOINT_URL", "not a url");
        try (AwsContext aws = new AwsContext(AwsSettings.defaults(), Environment.of(v))) {
            assertThatThrownBy(() -> aws.endpoint("EC2")).isInstanceOf(UsageException.class).hasMessageContaining("not a url");
        }
    }

    @Test
    void enabledRegionsComeFromDescribeRegions(TestLab lab) {
        assertThat(lab.aws().enabledRegions()).contains("us-east-1", "eu-west-1", "ap-southeast-2").hasSizeGreaterThan(10);
        assertThat(lab.aws().resolveRegions("all")).isEqualTo(lab.aws().enabledRegions());
        assertThat(lab.aws().resolveRegions("eu-west-1, us-east-1")).containsExactly("eu-west-1", "us-east-1");
    }

    @Test
    void unknownRegionIsAUsageError(TestLab lab) {
        assertThatThrownBy(() -> lab.aws().resolveRegions("us-east-1,mars-north-1"))
                .isInstanceOf(UsageException.class).hasMessageContaining("mars-north-1");
    }
}
