package labcloud.trail;

/**
 * A CloudTrail trail as DescribeTrails and GetTrailStatus report it.
 *
 * @param account  the account id from the trail's ARN (log files live under AWSLogs/&lt;account&gt;/)
 * @param prefix   the S3 key prefix, or null
 * @param logging  whether the trail is recording now; null when its status could not be read
 */
public record Trail(String name, String arn, String homeRegion, String account, String bucket, String prefix,
                    boolean multiRegion, Boolean logging) {

    /** Where this trail's files for one account start: [prefix/]AWSLogs/&lt;account&gt;/CloudTrail/. */
    public String logRoot() {
        String p = prefix == null || prefix.isBlank() ? "" : prefix.replaceAll("/+$", "") + "/";
        return p + "AWSLogs/" + account + "/CloudTrail/";
    }

    static String accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 4 ? parts[4] : null;
    }
}
