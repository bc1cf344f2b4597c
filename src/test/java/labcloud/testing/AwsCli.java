package labcloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import labcloud.core.Json;

/**
 * Runs the real AWS CLI as a subprocess against a test lab's moto server (fake keys, the lab's
 * endpoint, AWS_CA_BUNDLE removed), to compare labcloud's results with what the CLI sees.
 */
public final class AwsCli {
    private AwsCli() {}

    public static JsonNode json(TestLab lab, String... args) {
        String out = run(lab, args);
        try {
            return out.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("aws " + String.join(" ", args) + " printed no JSON: " + out, e);
        }
    }

    public static String run(TestLab lab, String... args) {
        List<String> cmd = new ArrayList<>(List.of("aws", "--output", "json"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.remove("AWS_CA_BUNDLE");
        env.remove("AWS_PROFILE");
        Map<String, String> vars = new HashMap<>(lab.vars());
        vars.put("AWS_DEFAULT_REGION", vars.getOrDefault("AWS_REGION", "us-east-1"));
        vars.put("AWS_PAGER", "");
        env.putAll(vars);
        pb.redirectErrorStream(false);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("aws " + String.join(" ", args) + " timed out");
            }
            if (p.exitValue() != 0) throw new AssertionError("aws " + String.join(" ", args) + " failed: " + err);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run the aws CLI", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
