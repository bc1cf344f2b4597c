package labcloud.trail;

import java.time.Instant;

/**
 * Who created a resource, according to CloudTrail.
 *
 * @param user  IAM user name, assumed-role session name, or root
 * @param via   the event that created it (RunInstances, CreateVolume, ...); for a volume created
 *              with an instance and found through the instance, "RunInstances (instance i-...)"
 */
public record Creator(String user, String identityType, String arn, Instant time, String via) {}
