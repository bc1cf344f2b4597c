package labcloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import labcloud.core.Environment;
import labcloud.iam.IamPolicyCatalog;

/**
 * Runs labcloud commands against moto with every AWS call recorded ({@link RecordedActions}: SDK
 * calls by an interceptor, the hand-made S3 data path from the requests on the wire) and compares
 * what each command called with its iam/&lt;command&gt;.json: an action called but not listed, or
 * listed but never called (and not excused as unreachable), is a problem.
 *
 * <p>With the system property {@code labcloud.test.jar} (set when the build tests the packaged
 * jar, whose AWS SDK has been cut to what labcloud calls: scripts/ShrinkSdkServices.java), every
 * command line runs as {@code java -jar} on that jar instead, and must still succeed; the calls of
 * another process cannot be recorded, so the policies are then not compared.
 */
public final class PolicyCheck implements AutoCloseable {
    /** Work that makes a command's AWS calls: its command lines, or a running dashboard's refresh. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private static final String SHIPPED_JAR = System.getProperty("labcloud.test.jar");

    private final IamPolicyCatalog catalog = IamPolicyCatalog.load();
    private final Path workDir;
    private final Map<String, Set<String>> unreachable;
    private final FaultProxy wire;
    private final Environment env;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param unreachable per command, the actions it needs only in situations moto cannot produce
     *                    (each must be explained where it is declared)
     */
    public PolicyCheck(TestLab lab, Map<String, Set<String>> unreachable) throws IOException {
        this.unreachable = unreachable;
        this.workDir = lab.home();
        this.wire = new FaultProxy(lab.moto().endpoint());
        wire.rule(r -> {
            if ("s3".equals(service(r.authorization()))) {
                String action = S3RestActions.of(r.method(), r.path(), r.query());
                if (action != null) RecordedActions.add(action);
            }
            return FaultProxy.Fault.NONE;
        });
        Map<String, String> vars = new HashMap<>(lab.vars());
        vars.put("AWS_ENDPOINT_URL", wire.endpoint().toString());
        this.env = Environment.of(vars);
    }

    /** The lab's environment with AWS reached through the recording wire. */
    public Environment env() {
        return env;
    }

    /** Runs the command lines of {@code command}; each must succeed (exit 0, or 1 for findings). */
    public Set<String> run(String command, List<String[]> lines) throws Exception {
        return record(command, () -> {
            for (String[] args : lines) {
                CliResult r = SHIPPED_JAR == null ? CliResult.run(env, args)
                        : CliProcess.runJar(Path.of(SHIPPED_JAR), env.vars(), workDir, args);
                assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isIn(0, 1);
            }
        });
    }

    /** Records the calls {@code work} makes and compares them with {@code command}'s policy file. */
    public Set<String> record(String command, Work work) throws Exception {
        RecordedActions.start();
        Set<String> called;
        try {
            work.run();
        } finally {
            called = RecordedActions.stop();
        }
        if (SHIPPED_JAR != null) return called;
        Set<String> declared = new TreeSet<>(catalog.find(command).actions());
        Set<String> missing = new TreeSet<>(called);
        missing.removeAll(declared);
        Set<String> unneeded = new TreeSet<>(declared);
        unneeded.removeAll(called);
        unneeded.removeAll(unreachable.getOrDefault(command, Set.of()));
        if (!missing.isEmpty()) problems.add(command + ": called but not in its policy: " + missing);
        if (!unneeded.isEmpty()) problems.add(command + ": in its policy but never called: " + unneeded);
        assertThat(called).as(command + " made AWS calls").isNotEmpty();
        return called;
    }

    /** Every difference found so far, one line per command and kind. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        RecordedActions.stop();
        wire.close();
    }

    /** The service in a SigV4 credential scope (".../20260101/us-east-1/s3/aws4_request"). */
    private static String service(String authorization) {
        if (authorization == null) return null;
        int i = authorization.indexOf("Credential=");
        if (i < 0) return null;
        String[] scope = authorization.substring(i + 11).split(",")[0].split("/");
        return scope.length > 3 ? scope[3] : null;
    }
}
