package labcloud.transfer;

import java.nio.file.Path;
import labcloud.core.UsageException;

/**
 * A parsed command-line location: a local path, {@code s3://bucket/key} or {@code NAME:bucket/key}
 * for a named remote.
 *
 * @param remote the remote's name, or null for s3:// and local paths
 * @param key    the key or key prefix inside the bucket ("" for the whole bucket)
 */
public record TransferUrl(String text, Path local, String remote, String bucket, String key) {
    public boolean isLocal() {
        return local != null;
    }

    /** True if the text ends with '/', i.e. names a directory or prefix rather than one object. */
    public boolean namesDirectory() {
        return text.endsWith("/") || (!isLocal() && key.isEmpty());
    }

    public static TransferUrl parse(String text) {
        if (text == null || text.isBlank()) throw new UsageException("empty location (expected a path, s3://bucket/prefix or REMOTE:bucket/prefix)");
        if (text.startsWith("s3://")) return bucketAndKey(text, null, text.substring(5));
        if (text.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new UsageException("'" + text + "': unsupported URL scheme (use s3:// or a named remote NAME:bucket/prefix)");
        }
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash) && !text.startsWith(".")) {
            String name = text.substring(0, colon);
            if (!Remote.validName(name)) {
                throw new UsageException("'" + text + "': '" + name + "' is not a remote name (write ./" + text + " for a local file)");
            }
            return bucketAndKey(text, name, text.substring(colon + 1));
        }
        return new TransferUrl(text, Path.of(text), null, null, null);
    }

    private static TransferUrl bucketAndKey(String text, String remote, String rest) {
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (!bucket.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,62}")) {
            throw new UsageException("'" + text + "': invalid bucket name '" + bucket + "' (3-63 letters, digits, '.', '-')");
        }
        return new TransferUrl(text, null, remote, bucket, key);
    }

    @Override
    public String toString() {
        return text;
    }
}
