package labcloud.aws;

/**
 * A region or service that could not be read; reported in a command's {@code errors} list while
 * the rest of the result stands (exit 3).
 *
 * @param region  the region, or "global" for IAM and other global services
 * @param service what was being read, e.g. "ec2" or "s3"
 * @param message one line, no secrets
 * @param auth    whether it was an authentication or permission failure
 */
public record RegionError(String region, String service, String message, boolean auth) {
    public static RegionError of(String region, String service, Throwable t) {
        var e = AwsErrors.classify(t);
        return new RegionError(region, service, e.getMessage(), e.exitCode() == labcloud.core.ExitCode.AUTH);
    }
}
