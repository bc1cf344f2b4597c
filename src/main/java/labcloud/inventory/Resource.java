package labcloud.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/**
 * One AWS resource as every part of labcloud sees it (inventory, pricing, policy, store, web).
 * The JSON form is the stable format documented in the README.
 *
 * @param type        ec2-instance, ebs-volume, ebs-snapshot, efs-filesystem, s3-bucket, elastic-ip,
 *                    iam-user or iam-access-key
 * @param region      the region, or "global" for IAM
 * @param monthlyCost estimated US dollars per month; null when the price is unknown (never 0 for unknown)
 * @param details     type-specific facts (instance type, size, attachments, ...)
 */
@JsonPropertyOrder({"type", "id", "region", "name", "state", "createdAt", "tags", "monthlyCost", "details"})
public record Resource(String type, String id, String region, String name, String state, Instant createdAt,
                       Map<String, String> tags, Double monthlyCost, Map<String, Object> details) {
    public static final String EC2_INSTANCE = "ec2-instance";
    public static final String EBS_VOLUME = "ebs-volume";
    public static final String EBS_SNAPSHOT = "ebs-snapshot";
    public static final String EFS_FILESYSTEM = "efs-filesystem";
    public static final String S3_BUCKET = "s3-bucket";
    public static final String ELASTIC_IP = "elastic-ip";
    public static final String IAM_USER = "iam-user";
    public static final String IAM_ACCESS_KEY = "iam-access-key";

    public Resource withMonthlyCost(Double cost) {
        return new Resource(type, id, region, name, state, createdAt, tags, cost, details);
    }

    public Resource withTags(Map<String, String> newTags) {
        return new Resource(type, id, region, name, state, createdAt, newTags, monthlyCost, details);
    }
}
