package labcloud.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import labcloud.aws.S3ObjectIo;
import labcloud.core.Workers;

/**
 * One folder's '/'-delimited listing, all its pages, fetched in the background: the files directly
 * in the folder and the sub-folders the store rolled up. {@link #entries} is null when the answer
 * cannot be trusted (a key below a sub-folder, as if the delimiter were ignored; a sub-folder
 * outside the folder; a request that failed; more pages than a folder chosen for this should
 * hold): whoever uses it then lists that part of the folder without a delimiter instead.
 */
final class FolderListing {
    /** Beyond this many pages the folder is not what the local tree made it look like: plain listings serve it. */
    static final int MAX_PAGES = 8;

    /** A file of the folder, or a sub-folder (a key prefix ending in '/'); keys relative to the listed root. */
    record Entry(ObjectEntry file, String folder) {
        String name() {
            return file != null ? file.key() : folder;
        }
    }

    private final CompletableFuture<List<Entry>> entries = new CompletableFuture<>();

    private FolderListing() {}

    /** Starts listing {@code folder} ("" or ending in '/', relative to {@code prefix}) on its own thread. */
    static FolderListing start(S3Store store, String bucket, String prefix, String folder) {
        FolderListing l = new FolderListing();
        Workers.start("s3-folder", () -> {
            List<Entry> out = null;
            try {
                out = fetch(store, bucket, prefix, folder);
            } catch (RuntimeException e) {
                // the plain listings of the folder's parts report what is wrong, if it persists
            } finally {
                l.entries.complete(out);
            }
        });
        return l;
    }

    /** The folder's entries in key order, or null if they cannot be trusted; waits for the listing. */
    List<Entry> entries() throws InterruptedException {
        try {
            return entries.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    private static List<Entry> fetch(S3Store store, String bucket, String prefix, String folder) {
        String requestPrefix = prefix + folder;
        List<Entry> out = new ArrayList<>();
        String token = null;
        for (int pages = 0; ; pages++) {
            if (pages == MAX_PAGES) return null;
            S3ObjectIo.ListPage page = store.objects().listObjects(bucket, requestPrefix, null, token, "/");
            for (S3ObjectIo.Listed o : page.objects()) {
                if (!o.key().startsWith(requestPrefix)) return null;
                if (o.key().endsWith("/") && o.size() == 0) continue; // "folder" markers (and the folder itself)
                if (o.key().indexOf('/', requestPrefix.length()) >= 0) return null; // below a sub-folder
                String key = o.key().substring(prefix.length());
                out.add(new Entry(new ObjectEntry(key, o.size(), o.lastModified(), o.etag(), o.storageClass()), null));
            }
            for (String p : page.prefixes()) {
                if (!p.startsWith(requestPrefix) || !p.endsWith("/") || p.length() <= requestPrefix.length()
                        || p.indexOf('/', requestPrefix.length()) != p.length() - 1) {
                    return null;
                }
                out.add(new Entry(null, p.substring(prefix.length())));
            }
            if (!page.truncated()) break;
            token = page.nextToken();
            if (token == null) return null; // a store without continuation tokens: the plain listings page on their own
        }
        out.sort((a, b) -> KeyOrder.compare(a.name(), b.name()));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i - 1).name().equals(out.get(i).name())) return null; // a name answered twice
        }
        return out;
    }
}
