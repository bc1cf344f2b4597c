package labcloud.transfer;

import java.net.URI;

/**
 * A named S3-compatible store, used in URLs as {@code NAME:bucket/prefix}.
 *
 * @param compat path-style addressing and checksums only where required (S3Proxy, Ceph, MinIO, R2)
 */
public record Remote(String name, URI endpoint, String profile, String region, boolean pathStyle, boolean compat) {
    public static boolean validName(String name) {
        return name != null && name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,62}") && !name.equalsIgnoreCase("s3");
    }
}
