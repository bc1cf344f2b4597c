package labcloud.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import labcloud.aws.AwsContext;
import labcloud.core.UsageException;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ls and du: what is at a location and how much of it there is. */
public final class Browser {
    private final Locations locations;

    public Browser(Locations locations) {
        this.locations = locations;
    }

    /** One line of ls: a "directory" (common prefix), an object or a bucket. */
    public record Item(String kind, String name, long size, Instant modified, String storageClass) {}

    /** Buckets of a store (ls without a bucket). */
    public List<Item> buckets(TransferUrl storeUrl) {
        S3Store store = locations.store(storeUrl);
        return AwsContext.call(() -> store.client().listBuckets().buckets().stream()
                .map(b -> new Item("bucket", b.name(), 0, b.creationDate(), null)).toList());
    }

    /** One level below a prefix (like a directory listing), or everything below it with recursive. */
    public List<Item> list(TransferUrl url, boolean recursive) {
        if (url.isLocal()) return listLocal(url.local(), recursive);
        S3Store store = locations.store(url);
        String prefix = url.key();
        List<Item> out = new ArrayList<>();
        if (recursive) {
            S3Listing.list(store, url.bucket(), prefix).forEachRemaining(e ->
                    out.add(new Item("object", prefix + e.key(), e.size(), e.modified(), e.storageClass())));
            return out;
        }
        String p = prefix;
        for (ListObjectsV2Response page : AwsContext.call(() -> store.client()
                .listObjectsV2Paginator(b -> b.bucket(url.bucket()).prefix(p.isEmpty() ? null : p).delimiter("/")))) {
            for (CommonPrefix cp : page.commonPrefixes()) out.add(new Item("dir", cp.prefix(), 0, null, null));
            for (S3Object o : page.contents()) out.add(new Item("object", o.key(), o.size(), o.lastModified(), o.storageClassAsString()));
        }
        out.sort((a, b) -> KeyOrder.compare(a.name(), b.name()));
        return out;
    }

    private static List<Item> listLocal(Path root, boolean recursive) {
        if (!Files.exists(root)) throw new UsageException("'" + root + "': no such file or directory");
        List<Item> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            try {
                out.add(new Item("file", root.toString(), Files.size(root), Files.getLastModifiedTime(root).toInstant(), null));
            } catch (IOException e) {
                throw new UsageException("'" + root + "': " + e.getMessage());
            }
            return out;
        }
        Iterator<ObjectEntry> it = LocalTree.walk(root);
        java.util.Set<String> dirs = new java.util.TreeSet<>();
        while (it.hasNext()) {
            ObjectEntry e = it.next();
            int slash = e.key().indexOf('/');
            if (!recursive && slash >= 0) {
                dirs.add(e.key().substring(0, slash + 1));
                continue;
            }
            out.add(new Item("file", e.key(), e.size(), e.modified(), null));
        }
        dirs.forEach(d -> out.add(new Item("dir", d, 0, null, null)));
        out.sort((a, b) -> KeyOrder.compare(a.name(), b.name()));
        return out;
    }

    /** du: object count and bytes below a location, per storage class; streams the listing. */
    public record Usage(long objects, long bytes, Map<String, long[]> byStorageClass) {}

    public Usage usage(TransferUrl url) {
        Iterator<ObjectEntry> it;
        if (url.isLocal()) {
            if (!Files.isDirectory(url.local())) throw new UsageException("'" + url + "' is not a directory");
            it = LocalTree.walk(url.local());
        } else {
            it = S3Listing.list(locations.store(url), url.bucket(), url.key());
        }
        long n = 0, bytes = 0;
        Map<String, long[]> classes = new TreeMap<>();
        while (it.hasNext()) {
            ObjectEntry e = it.next();
            n++;
            bytes += e.size();
            long[] c = classes.computeIfAbsent(e.storageClass() == null ? "LOCAL" : e.storageClass(), k -> new long[2]);
            c[0]++;
            c[1] += e.size();
        }
        return new Usage(n, bytes, classes);
    }
}
