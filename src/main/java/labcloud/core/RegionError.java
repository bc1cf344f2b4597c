package labcloud.core;

/**
 * A region or service that could not be read; reported in a command's {@code errors} list while
 * the rest of the result stands (exit 3). A plain value in core, so that the shells can show it
 * without knowing how AWS failures are classified (that is {@code labcloud.aws.AwsErrors#regionError}).
 *
 * @param region  the region, or "global" for IAM and other global services
 * @param service what was being read, e.g. "ec2" or "s3"
 * @param message one line, no secrets
 * @param auth    whether it was an authentication or permission failure
 */
public record RegionError(String region, String service, String message, boolean auth) {}
