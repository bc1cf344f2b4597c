package labcloud.trail;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One CloudTrail management event, reduced to what labcloud reports and filters on.
 *
 * @param user         who acted: the IAM user name, the session name of an assumed role, or "root"
 * @param identityType CloudTrail's userIdentity.type (IAMUser, AssumedRole, Root, ...)
 * @param resources    resource ids the event names (instance, volume, bucket, ...), in order of appearance
 * @param accessKeyId  the key used, already shortened (AKIA…WXYZ); null when none
 */
@JsonPropertyOrder({"time", "region", "user", "identityType", "arn", "event", "eventSource", "resources",
        "sourceIp", "accessKeyId", "eventId"})
public record TrailEvent(Instant time, String region, String user, String identityType, String arn, String event,
                         String eventSource, List<String> resources, String sourceIp, String accessKeyId,
                         String eventId, @JsonIgnore JsonNode requestParameters, @JsonIgnore JsonNode responseElements) {}
