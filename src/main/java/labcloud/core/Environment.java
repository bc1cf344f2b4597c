package labcloud.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The process environment as labcloud sees it: variables and the home directory. Passed around
 * instead of reading System.getenv() so that tests can run commands in-process with their own
 * HOME and AWS_* variables.
 */
public record Environment(Map<String, String> vars, Path home) {

    public static Environment system() {
        Map<String, String> vars = System.getenv();
        return new Environment(vars, resolveHome(vars));
    }

    public static Environment of(Map<String, String> vars) {
        return new Environment(Map.copyOf(vars), resolveHome(vars));
    }

    /** Like the AWS CLI: HOME first, then the JVM's idea of the user's home. */
    static Path resolveHome(Map<String, String> vars) {
        String home = vars.get("HOME");
        if (home == null || home.isBlank()) home = vars.get("USERPROFILE");
        if (home == null || home.isBlank()) home = System.getProperty("user.home");
        return Path.of(home);
    }

    public Optional<String> get(String name) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** ~/.labcloud, where the store, audit log and settings live (LABCLOUD_HOME overrides). */
    public Path labcloudDir() {
        return get("LABCLOUD_HOME").map(Path::of).orElse(home.resolve(".labcloud"));
    }

    public Path awsCredentialsFile() {
        return get("AWS_SHARED_CREDENTIALS_FILE").map(Path::of).orElse(home.resolve(".aws").resolve("credentials"));
    }

    public Path awsConfigFile() {
        return get("AWS_CONFIG_FILE").map(Path::of).orElse(home.resolve(".aws").resolve("config"));
    }
}
