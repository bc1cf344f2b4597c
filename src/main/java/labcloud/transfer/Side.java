package labcloud.transfer;

import java.nio.file.Path;
import java.util.Iterator;

/**
 * One end of a sync or recursive copy: a local directory or a bucket prefix. Keys in listings are
 * relative to it.
 */
public record Side(TransferUrl url, Path localRoot, S3Store store, String bucket, String prefix) {
    public static Side local(TransferUrl url) {
        return new Side(url, url.local(), null, null, null);
    }

    /** A bucket prefix, treated as a directory: "data" means "data/". */
    public static Side s3(TransferUrl url, S3Store store) {
        String p = url.key();
        if (!p.isEmpty() && !p.endsWith("/")) p = p + "/";
        return new Side(url, null, store, url.bucket(), p);
    }

    public boolean isLocal() {
        return localRoot != null;
    }

    public Iterator<ObjectEntry> list() {
        return list(null);
    }

    /**
     * Lists this side in key order. A bucket prefix compared with a local tree (the other side of
     * a sync) is listed along the tree's folders, side by side ({@link TreeGuide}).
     */
    public Iterator<ObjectEntry> list(Side other) {
        if (isLocal()) return LocalTree.walk(localRoot);
        if (other != null && other.isLocal()) return S3Listing.alongTree(store, bucket, prefix, other.localRoot);
        return S3Listing.list(store, bucket, prefix);
    }

    public Ref ref(String key) {
        return isLocal() ? new Ref.Local(LocalTree.resolve(localRoot, key)) : new Ref.S3(store, bucket, prefix + key);
    }

    @Override
    public String toString() {
        return url.text();
    }
}
