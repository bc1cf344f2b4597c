package labcloud.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsSettings;
import labcloud.core.Environment;

/**
 * A running demo lab: a moto server, seeded, and an environment that points labcloud at it
 * (fake keys, its endpoint, and a separate ~/.labcloud/demo store so real data is never mixed in).
 */
public final class DemoSession implements AutoCloseable {
    private final MotoServer moto;
    private final Environment env;
    private final AwsContext aws;
    private final DemoManifest manifest;

    private DemoSession(MotoServer moto, Environment env, AwsContext aws, DemoManifest manifest) {
        this.moto = moto;
        this.env = env;
        this.aws = aws;
        this.manifest = manifest;
    }

    public static DemoSession start(Environment parent) {
        MotoServer moto = MotoServer.start(parent.vars());
        try {
            Environment env = demoEnvironment(parent, moto.endpoint(), parent.labcloudDir().resolve("demo"));
            AwsContext aws = new AwsContext(AwsSettings.defaults(), env);
            DemoManifest manifest = DemoAccount.seed(aws);
            writePolicy(parent.labcloudDir().resolve("demo"));
            writeConfig(parent.labcloudDir().resolve("demo"));
            return new DemoSession(moto, env, aws, manifest);
        } catch (RuntimeException e) {
            moto.close();
            throw e;
        }
    }

    /** The demo lab's policy file, unless the user has put their own there. */
    private static void writePolicy(Path labcloudHome) {
        Path file = labcloudHome.resolve("policy.yaml");
        try {
            java.nio.file.Files.createDirectories(labcloudHome);
            if (!java.nio.file.Files.exists(file)) java.nio.file.Files.writeString(file, DemoAccount.LAB_POLICY);
        } catch (java.io.IOException e) {
            throw new labcloud.core.LabcloudException(labcloud.core.ExitCode.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The demo's settings: the emulator (moto 5.2) has no GetCostForecast and no cost-allocation-tag
     * API, so the forecast is labcloud's own (and says so) and the tag check is off.
     */
    static final String CONFIG = """
            # labcloud settings for the demo lab (see the README, "Spend and budgets").
            cost:
              cacheMaxAge: 6h
              forecast: local          # the emulator has no GetCostForecast
              allocationTagCheck: false # nor ListCostAllocationTags
            """;

    private static void writeConfig(Path labcloudHome) {
        Path file = labcloudHome.resolve("config.yaml");
        try {
            java.nio.file.Files.createDirectories(labcloudHome);
            if (!java.nio.file.Files.exists(file)) java.nio.file.Files.writeString(file, CONFIG);
        } catch (java.io.IOException e) {
            throw new labcloud.core.LabcloudException(labcloud.core.ExitCode.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The environment a labcloud command sees inside the demo. */
    public static Environment demoEnvironment(Environment parent, URI endpoint, Path labcloudHome) {
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", parent.home().toString());
        vars.put("PATH", parent.vars().getOrDefault("PATH", ""));
        vars.put("LABCLOUD_HOME", labcloudHome.toString());
        vars.put("AWS_ACCESS_KEY_ID", "demo");
        vars.put("AWS_SECRET_ACCESS_KEY", "demo-secret");
        vars.put("AWS_REGION", "us-east-1");
        vars.put("AWS_ENDPOINT_URL", endpoint.toString());
        // The demo never reads the user's real AWS files.
        vars.put("AWS_SHARED_CREDENTIALS_FILE", labcloudHome.resolve("aws-credentials").toString());
        vars.put("AWS_CONFIG_FILE", labcloudHome.resolve("aws-config").toString());
        return Environment.of(vars);
    }

    public MotoServer moto() {
        return moto;
    }

    public Environment environment() {
        return env;
    }

    public AwsContext aws() {
        return aws;
    }

    public DemoManifest manifest() {
        return manifest;
    }

    @Override
    public void close() {
        aws.close();
        moto.close();
    }
}
