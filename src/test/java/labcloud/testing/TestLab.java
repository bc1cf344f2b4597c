package labcloud.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsSettings;
import labcloud.core.Environment;
import labcloud.demo.MotoServer;

/**
 * A test's own little world: a temporary HOME (so ~/.aws and ~/.labcloud are private to the
 * test), environment variables pointing at moto, an AwsContext, and a way to run CLI commands.
 */
public final class TestLab implements AutoCloseable {
    private final MotoServer moto;
    private final Path home;
    private final Map<String, String> vars;
    private AwsContext aws;

    private TestLab(MotoServer moto, Path home, Map<String, String> vars) {
        this.moto = moto;
        this.home = home;
        this.vars = vars;
    }

    public static TestLab create(MotoServer moto) {
        try {
            Path home = Files.createTempDirectory("labcloud-home-");
            return new TestLab(moto, home, Moto.envFor(moto, home));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public MotoServer moto() {
        return moto;
    }

    public Path home() {
        return home;
    }

    /** The environment variables commands see; tests may change them before running a command. */
    public Map<String, String> vars() {
        return vars;
    }

    public Environment environment() {
        return Environment.of(new HashMap<>(vars));
    }

    public AwsContext aws() {
        if (aws == null) aws = new AwsContext(AwsSettings.defaults(), environment());
        return aws;
    }

    /** Runs a labcloud command line in-process with this lab's environment. */
    public CliResult run(String... args) {
        return CliResult.run(environment(), args);
    }

    @Override
    public void close() {
        if (aws != null) aws.close();
        try (var walk = Files.walk(home)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir
        }
    }
}
