package labcloud.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcloud.core.Environment;
import labcloud.core.UsageException;

/**
 * The {@code cost:} section of ~/.labcloud/config.yaml:
 * <pre>
 * cost:
 *   cacheMaxAge: 6h        # reuse Cost Explorer answers younger than this (s, m, h, d)
 *   forecast: aws          # aws: GetCostForecast; local: the month's average day (an endpoint without the API)
 *   allocationTagCheck: true
 * </pre>
 */
public record CostSettings(Duration cacheMaxAge, boolean awsForecast, boolean allocationTagCheck, Path source) {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(6);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([smhd])");

    public static CostSettings defaults() {
        return new CostSettings(DEFAULT_MAX_AGE, true, true, null);
    }

    public static Path file(Environment env) {
        return env.labcloudDir().resolve("config.yaml");
    }

    public static CostSettings load(Environment env) {
        Path f = file(env);
        if (!Files.isRegularFile(f)) return defaults();
        JsonNode cost;
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(f.toFile());
            cost = root == null ? null : root.get("cost");
        } catch (IOException e) {
            throw new UsageException(f + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (cost == null || cost.isNull()) return defaults();
        if (!cost.isObject()) throw new UsageException(f + ": 'cost' must be a mapping");
        Duration age = cost.has("cacheMaxAge") ? duration(f + ": cost.cacheMaxAge", cost.get("cacheMaxAge").asText()) : DEFAULT_MAX_AGE;
        String forecast = cost.path("forecast").asText("aws");
        if (!forecast.equals("aws") && !forecast.equals("local")) {
            throw new UsageException(f + ": cost.forecast '" + forecast + "': expected aws or local");
        }
        boolean tags = !cost.has("allocationTagCheck") || cost.get("allocationTagCheck").asBoolean(true);
        return new CostSettings(age, forecast.equals("aws"), tags, f);
    }

    /** "6h", "30m", "1d", "0s" (always fetch). */
    public static Duration duration(String what, String value) {
        Matcher m = DURATION.matcher(value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) throw new UsageException(what + " '" + value + "': expected a duration such as 6h, 30m or 1d");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    public CostSettings withMaxAge(Duration d) {
        return new CostSettings(d, awsForecast, allocationTagCheck, source);
    }
}
