package labcloud.testing;

import java.util.Set;
import java.util.TreeSet;

/**
 * The IAM action an S3 REST request needs, read from its method, path-style path and query as it
 * reaches the store: what labcloud's own S3 data path (outside the SDK) calls is recorded from this.
 */
public final class S3RestActions {
    private S3RestActions() {}

    /** The action for a path-style request ("/bucket/key?query"), or null when it is not S3's. */
    public static String of(String method, String path, String query) {
        Set<String> q = new TreeSet<>();
        if (query != null && !query.isEmpty()) {
            for (String p : query.split("&")) q.add(p.contains("=") ? p.substring(0, p.indexOf('=')) : p);
        }
        String p = path == null || path.isEmpty() ? "/" : path;
        boolean service = p.equals("/");
        String[] parts = p.substring(1).split("/", 2);
        boolean bucketOnly = parts.length == 1 || parts[1].isEmpty();
        if (service) return "GET".equals(method) ? "s3:ListAllMyBuckets" : null;
        if (bucketOnly) {
            if (q.contains("location")) return "s3:GetBucketLocation";
            if (q.contains("uploads")) return "s3:ListBucketMultipartUploads";
            if (q.contains("delete")) return "s3:DeleteObject";
            if (q.contains("versions")) return "s3:ListBucketVersions";
            if (q.contains("requestPayment")) return "s3:GetBucketRequestPayment";
            if ("GET".equals(method) || "HEAD".equals(method)) return "s3:ListBucket";
            return null;
        }
        if (q.contains("uploadId")) {
            if ("DELETE".equals(method)) return "s3:AbortMultipartUpload";
            if ("GET".equals(method)) return "s3:ListMultipartUploadParts";
            return "s3:PutObject";
        }
        return switch (method) {
            case "GET", "HEAD" -> "s3:GetObject";
            case "PUT", "POST" -> "s3:PutObject";
            case "DELETE" -> "s3:DeleteObject";
            default -> null;
        };
    }
}
