package labcloud.aws;

import java.net.URI;

/**
 * What the user asked for on the command line; anything null falls back to the environment and
 * the AWS config files exactly as the AWS CLI does.
 *
 * @param compat for S3-compatible stores (S3Proxy, Ceph, MinIO, R2): path-style addressing and
 *               checksums only where the API requires them.
 */
public record AwsSettings(String profile, String region, URI endpoint, boolean compat) {
    public static AwsSettings defaults() {
        return new AwsSettings(null, null, null, false);
    }

    public AwsSettings withRegion(String r) {
        return new AwsSettings(profile, r, endpoint, compat);
    }

    public AwsSettings withCompat(boolean c) {
        return new AwsSettings(profile, region, endpoint, c);
    }

    public AwsSettings withEndpoint(URI e) {
        return new AwsSettings(profile, region, e, compat);
    }
}
