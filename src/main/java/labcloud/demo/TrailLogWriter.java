package labcloud.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import labcloud.core.Json;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes CloudTrail records into a bucket exactly as a trail delivers them: gzipped
 * {@code {"Records":[...]}} files under {@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/}.
 */
public final class TrailLogWriter {
    /** Who made a call, as CloudTrail's userIdentity block describes it. */
    public record Identity(String type, String name, String principalId, String arn, String accessKeyId,
                           String roleName, String roleId) {
        public static Identity user(String account, String userName, String userId, String accessKeyId) {
            return new Identity("IAMUser", userName, userId, "arn:aws:iam::" + account + ":user/" + userName,
                    accessKeyId, null, null);
        }

        public static Identity assumedRole(String account, String roleName, String roleId, String session) {
            return new Identity("AssumedRole", session, roleId + ":" + session,
                    "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session, null, roleName, roleId);
        }
    }

    private final String account;
    private final List<ObjectNode> records = new ArrayList<>();

    public TrailLogWriter(String account) {
        this.account = account;
    }

    /** Adds one management event. */
    public ObjectNode event(Identity who, Instant time, String region, String source, String name,
                            Map<String, Object> request, Map<String, Object> response) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("eventVersion", "1.09");
        ObjectNode id = r.putObject("userIdentity");
        id.put("type", who.type());
        id.put("principalId", who.principalId());
        id.put("arn", who.arn());
        id.put("accountId", account);
        if (who.accessKeyId() != null) id.put("accessKeyId", who.accessKeyId());
        if ("IAMUser".equals(who.type())) {
            id.put("userName", who.name());
        } else {
            ObjectNode ctx = id.putObject("sessionContext");
            ObjectNode issuer = ctx.putObject("sessionIssuer");
            issuer.put("type", "Role");
            issuer.put("principalId", who.roleId());
            issuer.put("arn", "arn:aws:iam::" + account + ":role/" + who.roleName());
            issuer.put("accountId", account);
            issuer.put("userName", who.roleName());
            ObjectNode attrs = ctx.putObject("attributes");
            attrs.put("creationDate", time.minusSeconds(600).toString());
            attrs.put("mfaAuthenticated", "false");
        }
        r.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        r.put("eventSource", source);
        r.put("eventName", name);
        r.put("awsRegion", region);
        r.put("sourceIPAddress", "198.51.100." + (Math.abs(who.name().hashCode()) % 200 + 10));
        r.put("userAgent", "aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.1");
        r.set("requestParameters", request == null ? null : Json.MAPPER.valueToTree(request));
        r.set("responseElements", response == null ? null : Json.MAPPER.valueToTree(response));
        r.put("requestID", UUID.randomUUID().toString());
        r.put("eventID", UUID.randomUUID().toString());
        r.put("readOnly", false);
        r.put("eventType", "AwsApiCall");
        r.put("managementEvent", true);
        r.put("recipientAccountId", account);
        r.put("eventCategory", "Management");
        records.add(r);
        return r;
    }

    /** Uploads the events as log files, one file per region and hour, as a trail would. */
    public int writeTo(S3Client s3, String bucket) {
        Map<String, List<ObjectNode>> files = new TreeMap<>();
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH'00Z'").withZone(ZoneOffset.UTC);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
        for (ObjectNode r : records) {
            Instant t = Instant.parse(r.get("eventTime").asText());
            String region = r.get("awsRegion").asText();
            String key = "AWSLogs/" + account + "/CloudTrail/" + region + "/" + day.format(t) + "/"
                    + account + "_CloudTrail_" + region + "_" + hour.format(t) + "_"
                    + UUID.nameUUIDFromBytes((region + hour.format(t)).getBytes()).toString().replace("-", "").substring(0, 16)
                    + ".json.gz";
            files.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        for (var f : files.entrySet()) {
            ObjectNode doc = Json.MAPPER.createObjectNode();
            ArrayNode arr = doc.putArray("Records");
            f.getValue().forEach(arr::add);
            s3.putObject(b -> b.bucket(bucket).key(f.getKey()).contentType("application/json").contentEncoding("gzip"),
                    RequestBody.fromBytes(gzip(doc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        return files.size();
    }

    private static byte[] gzip(byte[] data) {
        try (ByteArrayOutputStream bos = new ByteArrayOutputStream();
             GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
            gz.finish();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
