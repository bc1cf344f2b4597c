package labcloud.transfer;

import java.util.Collections;
import java.util.Iterator;
import labcloud.aws.AwsContext;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Streams an S3 listing page by page (1,000 keys at a time), keys relative to the prefix. */
public final class S3Listing {
    private S3Listing() {}

    public static Iterator<ObjectEntry> list(S3Store store, String bucket, String prefix) {
        Iterator<S3Object> objects = AwsContext.call(() -> store.client()
                .listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix))
                .contents().iterator());
        return new Iterator<>() {
            ObjectEntry next;

            @Override
            public boolean hasNext() {
                while (next == null && AwsContext.call(objects::hasNext)) {
                    S3Object o = objects.next();
                    if (o.key().endsWith("/") && o.size() == 0) continue; // "folder" markers
                    next = of(o, o.key().substring(prefix.length()));
                }
                return next != null;
            }

            @Override
            public ObjectEntry next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                ObjectEntry e = next;
                next = null;
                return e;
            }
        };
    }

    static ObjectEntry of(S3Object o, String relativeKey) {
        return new ObjectEntry(relativeKey, o.size(), o.lastModified(), unquote(o.eTag()),
                o.storageClassAsString());
    }

    public static String unquote(String etag) {
        if (etag == null) return null;
        return etag.startsWith("\"") && etag.endsWith("\"") && etag.length() >= 2 ? etag.substring(1, etag.length() - 1) : etag;
    }

    static Iterator<ObjectEntry> empty() {
        return Collections.emptyIterator();
    }
}
