package labcloud.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsErrors;
import labcloud.core.AuditLog;
import labcloud.inventory.Resource;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Writes tags with each service's own tagging call (EC2 CreateTags, S3 PutBucketTagging merged
 * with the bucket's existing tags, EFS TagResource, IAM TagUser) and records every change in the
 * audit log. The Resource Groups Tagging API would cover most of these in one call, but the
 * emulators labcloud is tested against do not implement it for S3 and EFS.
 */
public final class TagWriter {
    /** What happened to one change. */
    public record Outcome(TagChange change, boolean applied, String error, boolean authError) {}

    private final AwsContext aws;
    private final AuditLog log;

    public TagWriter(AwsContext aws, AuditLog log) {
        this.aws = aws;
        this.log = log;
    }

    /** Applies every change; one failing resource does not stop the others. */
    public List<Outcome> apply(List<TagChange> changes, String command) {
        List<Outcome> out = new ArrayList<>();
        for (TagChange c : changes) {
            try {
                write(c);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("command", command);
                entry.put("resourceType", c.resourceType());
                entry.put("resourceId", c.resourceId());
                entry.put("region", c.region());
                entry.put("tags", c.set());
                entry.put("previous", c.previous());
                log.record("tag", entry);
                out.add(new Outcome(c, true, null, false));
            } catch (RuntimeException e) {
                var le = AwsErrors.classify(e);
                out.add(new Outcome(c, false, le.getMessage(), AwsErrors.isAuth(e)));
            }
        }
        return out;
    }

    private void write(TagChange c) {
        Map<String, String> tags = c.set();
        switch (c.resourceType()) {
            case Resource.EC2_INSTANCE, Resource.EBS_VOLUME, Resource.EBS_SNAPSHOT, Resource.ELASTIC_IP ->
                    AwsContext.call(() -> aws.ec2(c.region()).createTags(b -> b.resources(c.resourceId()).tags(
                            tags.entrySet().stream().map(e -> software.amazon.awssdk.services.ec2.model.Tag.builder()
                                    .key(e.getKey()).value(e.getValue()).build()).toList())));
            case Resource.EFS_FILESYSTEM -> AwsContext.call(() -> aws.efs(c.region()).tagResource(b -> b.resourceId(c.resourceId())
                    .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.efs.model.Tag.builder()
                            .key(e.getKey()).value(e.getValue()).build()).toList())));
            case Resource.S3_BUCKET -> writeBucket(c);
            case Resource.IAM_USER -> AwsContext.call(() -> aws.iam().tagUser(b -> b.userName(c.resourceId()).tags(
                    tags.entrySet().stream().map(e -> software.amazon.awssdk.services.iam.model.Tag.builder()
                            .key(e.getKey()).value(e.getValue()).build()).toList())));
            default -> throw new IllegalArgumentException("labcloud cannot tag a " + c.resourceType());
        }
    }

    /** PutBucketTagging replaces the whole tag set, so read the current one and merge. */
    private void writeBucket(TagChange c) {
        var s3 = aws.s3(c.region());
        Map<String, String> merged = new LinkedHashMap<>();
        try {
            AwsContext.call(() -> s3.getBucketTagging(b -> b.bucket(c.resourceId()))).tagSet()
                    .forEach(t -> merged.put(t.key(), t.value()));
        } catch (RuntimeException e) {
            if (!"NoSuchTagSet".equals(AwsErrors.errorCode(e)) && !(e.getCause() instanceof S3Exception se && se.statusCode() == 404)) {
                throw e;
            }
        }
        merged.putAll(c.set());
        AwsContext.call(() -> s3.putBucketTagging(b -> b.bucket(c.resourceId()).tagging(t -> t.tagSet(
                merged.entrySet().stream().map(e -> software.amazon.awssdk.services.s3.model.Tag.builder()
                        .key(e.getKey()).value(e.getValue()).build()).toList()))));
    }
}
