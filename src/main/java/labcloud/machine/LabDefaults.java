package labcloud.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.core.Environment;
import labcloud.core.UsageException;

/**
 * Defaults for new machines from ~/.labcloud/config.yaml:
 * <pre>
 * tags: {Project: genomics, Task: setup, Owner: alice, Email: alice@lab.example}
 * machine: {checkIpUrl: https://checkip.amazonaws.com}
 * </pre>
 * and, for Owner and Email, the tags on the caller's own IAM user.
 */
public final class LabDefaults {
    private final Map<String, String> tags;
    private final URI checkIpUrl;

    LabDefaults(Map<String, String> tags, URI checkIpUrl) {
        this.tags = tags;
        this.checkIpUrl = checkIpUrl;
    }

    public static Path file(Environment env) {
        return env.labcloudDir().resolve("config.yaml");
    }

    /** Reads the config file (absent is fine); LABCLOUD_CHECKIP_URL overrides the what-is-my-IP service. */
    public static LabDefaults load(Environment env) {
        Path f = file(env);
        Map<String, String> tags = new LinkedHashMap<>();
        String url = null;
        if (Files.isRegularFile(f)) {
            JsonNode root;
            try {
                root = new ObjectMapper(new YAMLFactory()).readTree(f.toFile());
            } catch (IOException e) {
                throw new UsageException(f + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (root != null && root.isObject()) {
                JsonNode t = root.path("tags");
                if (!t.isMissingNode() && !t.isObject()) throw new UsageException(f + ": 'tags' must be a map of tag name to value");
                t.fields().forEachRemaining(e -> {
                    if (!e.getValue().isValueNode()) throw new UsageException(f + ": tags." + e.getKey() + " must be a single value");
                    tags.put(e.getKey(), e.getValue().asText());
                });
                url = root.path("machine").path("checkIpUrl").asText(null);
            } else if (root != null && !root.isNull() && !root.isMissingNode()) {
                throw new UsageException(f + ": expected a map with 'tags' and 'machine'");
            }
        }
        url = env.get("LABCLOUD_CHECKIP_URL").orElse(url == null ? PublicAddress.DEFAULT_URL : url);
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw new UsageException("checkIpUrl '" + url + "' is not a URL");
        }
        return new LabDefaults(Map.copyOf(tags), uri);
    }

    public Map<String, String> tags() {
        return tags;
    }

    public URI checkIpUrl() {
        return checkIpUrl;
    }

    /**
     * Owner and Email from the caller's IAM user's tags (keys compared without case), or empty when
     * the caller is not an IAM user or may not read its tags: a default, never a reason to fail.
     */
    public static Map<String, String> fromIamUser(AwsContext aws) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            String arn = aws.callerIdentity().arn();
            int at = arn == null ? -1 : arn.indexOf(":user/");
            if (at < 0) return out;
            String user = arn.substring(arn.lastIndexOf('/') + 1);
            aws.iam().listUserTagsPaginator(b -> b.userName(user)).tags().forEach(t -> {
                for (String k : new String[] {"Owner", "Email"}) {
                    if (t.key().equalsIgnoreCase(k) && t.value() != null && !t.value().isBlank()) out.putIfAbsent(k, t.value());
                }
            });
        } catch (RuntimeException e) {
            // no iam:ListUserTags, or an assumed role: the flags and config.yaml must say it
        }
        return out;
    }
}
