package labcloud.trail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import labcloud.core.Json;
import labcloud.core.Redactor;

/** Parses CloudTrail records (the log files' and LookupEvents' JSON format) into {@link TrailEvent}s. */
public final class TrailRecords {
    private TrailRecords() {}

    /**
     * Streams the {@code {"Records":[...]}} document one record at a time, so a large log file
     * never sits in memory as a whole; each parsed event goes to {@code sink}.
     */
    public static void stream(InputStream in, Consumer<TrailEvent> sink) throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a CloudTrail log file");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ("Records".equals(field) && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode record = p.readValueAsTree();
                        TrailEvent e = parse(record);
                        if (e != null) sink.accept(e);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /** One record; null when it lacks the fields every CloudTrail event has. */
    public static TrailEvent parse(JsonNode r) {
        String time = r.path("eventTime").asText(null);
        String name = r.path("eventName").asText(null);
        if (time == null || name == null) return null;
        JsonNode id = r.path("userIdentity");
        String key = id.path("accessKeyId").asText(null);
        return new TrailEvent(Instant.parse(time), r.path("awsRegion").asText(null), actor(id),
                id.path("type").asText(null), id.path("arn").asText(null), name, r.path("eventSource").asText(null),
                resourceIds(r), r.path("sourceIPAddress").asText(null),
                key == null || key.isEmpty() ? null : Redactor.shortKeyId(key), r.path("eventID").asText(null),
                r.path("requestParameters"), r.path("responseElements"));
    }

    /** The lab's name for an identity: IAM user name, assumed-role session name, or root. */
    static String actor(JsonNode id) {
        String type = id.path("type").asText("");
        String arn = id.path("arn").asText("");
        return switch (type) {
            case "IAMUser" -> id.path("userName").asText(tail(arn));
            case "AssumedRole", "FederatedUser" -> tail(arn);
            case "Root" -> "root";
            default -> !arn.isEmpty() ? tail(arn) : id.path("invokedBy").asText(type.isEmpty() ? "unknown" : type);
        };
    }

    private static String tail(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash >= 0 ? arn.substring(slash + 1) : arn;
    }

    /**
     * Ids of the resources an event is about, found where EC2, S3, EFS and IAM put them:
     * fields ending in "Id" (instanceId, volumeId, allocationId, ...), bucketName, userName, and
     * the record's resources[].ARN.
     */
    static List<String> resourceIds(JsonNode r) {
        Set<String> out = new LinkedHashSet<>();
        collect(r.path("requestParameters"), out);
        collect(r.path("responseElements"), out);
        for (JsonNode res : r.path("resources")) {
            String arn = res.path("ARN").asText(null);
            if (arn != null) out.add(arn);
        }
        return new ArrayList<>(out);
    }

    private static void collect(JsonNode n, Set<String> out) {
        if (n.isArray()) {
            n.forEach(c -> collect(c, out));
        } else if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                var f = it.next();
                JsonNode v = f.getValue();
                if (v.isTextual() && isIdField(f.getKey()) && !v.asText().isEmpty()) out.add(v.asText());
                else if (v.isContainerNode()) collect(v, out);
            }
        }
    }

    private static boolean isIdField(String name) {
        return (name.endsWith("Id") && !name.equals("requestId") && !name.equals("imageId") && !name.equals("ownerId")
                && !name.equals("reservationId") && !name.equals("accessKeyId"))
                || name.equals("bucketName") || name.equals("userName");
    }
}
