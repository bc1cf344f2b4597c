package labcloud.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.demo.MotoServer;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * --verify against a moto server of its own with IAM authentication enforced (after the user and
 * key are created, moto's /moto-api/reset-auth turns it on): a key moto issued is live, an
 * unknown key is dead.
 */
class VerifyKeysTest {
    private static final java.util.regex.Pattern REAL_SHAPE = java.util.regex.Pattern.compile("AKIA[A-Z2-7]{16}");

    @Test
    void tellsLiveKeysFromDeadOnes() throws Exception {
        Path home = Files.createTempDirectory("labcloud-verify-home-");
        try (MotoServer moto = MotoServer.start(); AwsContext admin = Moto.context(moto, home)) {
            admin.iam().createUser(b -> b.userName("leaky-student"));
            AccessKey live = issueKeyOfRealShape(admin);
            moto.post("/moto-api/reset-auth", "0"); // from now on moto checks every request's key

            Fakes f = new Fakes(11);
            String deadKey = f.keyId();
            String deadSecret = f.secret();
            Path dir = Files.createTempDirectory("labcloud-verify-");
            Files.writeString(dir.resolve("live.py"), "client('s3', '" + live.accessKeyId() + "', '" + live.secretAccessKey() + "')\n");
            Files.writeString(dir.resolve("dead.py"), "client('s3', '" + deadKey + "', '" + deadSecret + "')\n");
            Files.writeString(dir.resolve("alone.py"), "only_an_id = '" + f.keyId() + "'\n");

            Map<String, String> env = new HashMap<>(Moto.envFor(moto, home));
            CliResult r = CliResult.run(Environment.of(env), "scan", dir.toString(), "--verify", "--format", "json");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.stdout() + r.stderr()).doesNotContain(live.secretAccessKey()).doesNotContain(deadSecret)
                    .doesNotContain(live.accessKeyId());
            Map<String, String> verified = new HashMap<>();
            for (JsonNode x : Json.MAPPER.readTree(r.stdout()).get("findings")) {
                if (x.get("rule").asText().equals("aws-access-key-id")) verified.put(x.get("path").asText(), x.get("verified").asText());
            }
            assertThat(verified).containsEntry("live.py", KeyVerifier.LIVE).containsEntry("dead.py", KeyVerifier.DEAD)
                    .containsEntry("alone.py", "null");
        }
    }

    /**
     * Real AWS key IDs are base32 (A-Z, 2-7); moto draws from A-Z and 0-9, so keep issuing keys
     * until one has the real shape, which is what the scanner looks for.
     */
    private static AccessKey issueKeyOfRealShape(AwsContext admin) {
        for (int i = 0; i < 200; i++) {
            AccessKey k = admin.iam().createAccessKey(b -> b.userName("leaky-student")).accessKey();
            // A bare secret with "//" or more than three slashes reads as a path or URL and is not paired
            // with its key ID (about 1.5% of moto's random secrets): this test is about verification.
            boolean pathLike = k.secretAccessKey().contains("//") || k.secretAccessKey().chars().filter(c -> c == '/').count() > 3;
            if (REAL_SHAPE.matcher(k.accessKeyId()).matches() && !pathLike) return k;
            admin.iam().deleteAccessKey(b -> b.userName("leaky-student").accessKeyId(k.accessKeyId()));
        }
        throw new AssertionError("moto never issued a base32 key ID");
    }
}
