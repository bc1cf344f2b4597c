package labcloud.aws;

import java.util.Map;

/** Maps an SDK call (service id + operation name) to the IAM action that authorises it. */
public final class IamActions {
    private static final Map<String, String> PREFIX = Map.ofEntries(
            Map.entry("EC2", "ec2"), Map.entry("S3", "s3"), Map.entry("IAM", "iam"), Map.entry("STS", "sts"),
            Map.entry("EFS", "elasticfilesystem"), Map.entry("CloudWatch", "cloudwatch"),
            Map.entry("CloudTrail", "cloudtrail"), Map.entry("Resource Groups Tagging API", "tag"),
            Map.entry("Cost Explorer", "ce"), Map.entry("CostExplorer", "ce"), Map.entry("Pricing", "pricing"), Map.entry("Budgets", "budgets"));

    /** S3 operations whose IAM action has a different name. */
    private static final Map<String, String> S3_ACTIONS = Map.ofEntries(
            Map.entry("ListObjectsV2", "ListBucket"), Map.entry("ListObjects", "ListBucket"),
            Map.entry("ListObjectVersions", "ListBucketVersions"), Map.entry("HeadBucket", "ListBucket"),
            Map.entry("HeadObject", "GetObject"), Map.entry("GetObjectAttributes", "GetObject"),
            Map.entry("ListBuckets", "ListAllMyBuckets"), Map.entry("CreateMultipartUpload", "PutObject"),
            Map.entry("UploadPart", "PutObject"), Map.entry("CompleteMultipartUpload", "PutObject"),
            Map.entry("UploadPartCopy", "PutObject"), Map.entry("CopyObject", "PutObject"),
            Map.entry("DeleteObjects", "DeleteObject"), Map.entry("ListMultipartUploads", "ListBucketMultipartUploads"),
            Map.entry("ListParts", "ListMultipartUploadParts"),
            Map.entry("GetPublicAccessBlock", "GetBucketPublicAccessBlock"),
            Map.entry("GetBucketRequestPayment", "GetBucketRequestPayment"));

    /** AWS Budgets authorises its API with a few coarse actions. */
    private static final Map<String, String> BUDGETS_ACTIONS = Map.ofEntries(
            Map.entry("DescribeBudgets", "ViewBudget"), Map.entry("DescribeBudget", "ViewBudget"),
            Map.entry("DescribeNotificationsForBudget", "ViewBudget"), Map.entry("DescribeSubscribersForNotification", "ViewBudget"),
            Map.entry("CreateBudget", "ModifyBudget"), Map.entry("UpdateBudget", "ModifyBudget"),
            Map.entry("DeleteBudget", "ModifyBudget"), Map.entry("CreateNotification", "ModifyBudget"),
            Map.entry("DeleteNotification", "ModifyBudget"));

    private IamActions() {}

    public static String forCall(String serviceId, String operation) {
        if (serviceId == null || operation == null) return "an AWS permission";
        // the SDK names most services as in this table, EFS as "efs": looked up case-blind
        String prefix = PREFIX.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(serviceId)).map(Map.Entry::getValue)
                .findFirst().orElse(serviceId.toLowerCase().replace(" ", ""));
        String action = switch (prefix) {
            case "s3" -> S3_ACTIONS.getOrDefault(operation, operation);
            case "budgets" -> BUDGETS_ACTIONS.getOrDefault(operation, operation);
            default -> operation;
        };
        return prefix + ":" + action;
    }
}
