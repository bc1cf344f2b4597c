package labcloud.transfer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import labcloud.aws.AwsContext;
import labcloud.aws.S3ObjectIo;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Streams an S3 listing page by page (1,000 keys at a time), keys relative to the prefix. The next
 * page is fetched in the background while the caller works through the current one, so that
 * listing overlaps the transfers it feeds; at most two pages wait unread.
 */
public final class S3Listing {
    private static final Object END = new Object();

    private S3Listing() {}

    public static Iterator<ObjectEntry> list(S3Store store, String bucket, String prefix) {
        BlockingQueue<Object> pages = new ArrayBlockingQueue<>(2);
        Thread.ofVirtual().name("s3-listing").start(() -> {
            Object last = END;
            try {
                Iterator<ListObjectsV2Response> it = AwsContext.call(() -> store.client()
                        .listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix)).iterator());
                while (AwsContext.call(it::hasNext)) {
                    List<ObjectEntry> page = new ArrayList<>();
                    for (S3Object o : it.next().contents()) {
                        if (o.key().endsWith("/") && o.size() == 0) continue; // "folder" markers
                        page.add(of(o, o.key().substring(prefix.length())));
                    }
                    pages.put(page);
                }
            } catch (RuntimeException e) {
                last = e;
            } catch (InterruptedException e) {
                return;
            }
            try {
                pages.put(last);
            } catch (InterruptedException ignored) {
                // nobody is reading any more
            }
        });
        return new Iterator<>() {
            Iterator<ObjectEntry> page = Collections.emptyIterator();
            boolean done;

            @Override
            @SuppressWarnings("unchecked")
            public boolean hasNext() {
                while (!page.hasNext() && !done) {
                    Object next;
                    try {
                        next = pages.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while listing " + bucket, e);
                    }
                    if (next == END) done = true;
                    else if (next instanceof RuntimeException e) {
                        done = true;
                        throw e;
                    } else page = ((List<ObjectEntry>) next).iterator();
                }
                return page.hasNext();
            }

            @Override
            public ObjectEntry next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                return page.next();
            }
        };
    }

    static ObjectEntry of(S3Object o, String relativeKey) {
        return new ObjectEntry(relativeKey, o.size(), o.lastModified(), unquote(o.eTag()),
                o.storageClassAsString());
    }

    public static String unquote(String etag) {
        return S3ObjectIo.unquote(etag);
    }

    static Iterator<ObjectEntry> empty() {
        return Collections.emptyIterator();
    }
}
