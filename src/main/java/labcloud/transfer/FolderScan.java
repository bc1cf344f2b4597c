package labcloud.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import labcloud.aws.S3ObjectIo;
import labcloud.core.Workers;

/**
 * Cuts a listing without a guide into pieces along the tree's folders, so that they can be listed
 * side by side. A ListObjectsV2 listing is a chain of pages; a nested tree of non-numbered keys
 * gives {@link NumberedKeys} nothing to guess from, and was listed one page per round trip (on
 * S3Proxy each page also walked the whole prefix: 0.9 s a page for 2,000 nested keys, 0.08 s for
 * one folder of 185). '/'-delimited listings name the folders instead: the root's, then one level
 * further each time while there are few, all folders of a level at once. What a delimited page
 * shows directly (files beside the folders) is kept as it is; a folder becomes one piece, listed
 * whole; what follows a delimited page that was cut short becomes a piece after its last entry.
 * The pieces, in key order, cover every key under the root, whatever names the tree uses.
 */
final class FolderScan {
    /** Folders enough to keep the listing's ranges busy; a level with fewer is opened further. */
    static final int ENOUGH_FOLDERS = 32;
    /** How many levels below the root are opened at most. */
    static final int MAX_LEVELS = 3;
    /** Delimited listings in flight at once while opening a level. */
    private static final int PARALLEL = 16;

    private FolderScan() {}

    /**
     * One piece, in key order: entries a delimited page already gave ({@code known}), or keys
     * under {@code span} to list.
     */
    record Piece(List<ObjectEntry> known, KeySpan span) {}

    /** An item of a delimited level: a file seen, a folder to open or list, the rest of a folder after a key. */
    private record Item(ObjectEntry file, String folder, String restOf, String after) {}

    /**
     * The pieces of the listing of {@code prefix}, or null when the root has no folders (the plain
     * listing, with its guess at numbered keys, serves a flat prefix) or its delimited listing failed
     * (the plain listing then reports what is wrong). Keys in pieces are relative to the prefix.
     */
    static List<Piece> pieces(S3Store store, String bucket, String prefix) {
        List<Item> items = open(store, bucket, prefix, "");
        if (items == null || items.stream().noneMatch(i -> i.folder() != null)) {
            boolean complete = items != null && items.stream().allMatch(i -> i.file() != null);
            // one page without folders is the whole listing already
            return complete ? List.of(new Piece(items.stream().map(Item::file).toList(), null)) : null;
        }
        try (ExecutorService pool = Workers.fixed("s3-folders", PARALLEL)) {
            for (int level = 1; level < MAX_LEVELS; level++) {
                long folders = items.stream().filter(i -> i.folder() != null).count();
                if (folders >= ENOUGH_FOLDERS) break;
                List<CompletableFuture<List<Item>>> opened = new ArrayList<>();
                for (Item i : items) {
                    opened.add(i.folder() == null ? CompletableFuture.completedFuture(List.of(i))
                            : CompletableFuture.supplyAsync(() -> {
                                List<Item> inside = open(store, bucket, prefix, i.folder());
                                return inside == null ? List.of(i) : inside; // a folder that failed to open is listed whole
                            }, pool));
                }
                List<Item> next = new ArrayList<>();
                opened.forEach(f -> next.addAll(f.join()));
                if (next.stream().filter(i -> i.folder() != null).count() <= folders) {
                    items = next;
                    break; // no new folders: the files just seen are kept, nothing more to open
                }
                items = next;
            }
        }
        return toPieces(items);
    }

    /** Adjacent files become one piece of known entries; a folder or a rest, a piece to list. */
    private static List<Piece> toPieces(List<Item> items) {
        List<Piece> out = new ArrayList<>();
        List<ObjectEntry> files = new ArrayList<>();
        for (Item i : items) {
            if (i.file() != null) {
                files.add(i.file());
                continue;
            }
            if (!files.isEmpty()) {
                out.add(new Piece(List.copyOf(files), null));
                files.clear();
            }
            out.add(new Piece(null, i.folder() != null ? new KeySpan(i.folder(), null, null, null)
                    : new KeySpan(i.restOf(), i.after(), null, null)));
        }
        if (!files.isEmpty()) out.add(new Piece(List.copyOf(files), null));
        return out;
    }

    /**
     * One delimited page of {@code folder} (relative to the prefix; "" for the root): its files and
     * folders in key order, and, if the page was cut short, the rest of the folder after its last
     * entry. Null if the request failed.
     */
    private static List<Item> open(S3Store store, String bucket, String prefix, String folder) {
        S3ObjectIo.ListPage page;
        try {
            page = store.objects().listObjects(bucket, prefix + folder, null, null, "/");
        } catch (RuntimeException e) {
            return null;
        }
        String requestPrefix = prefix + folder;
        List<Item> items = new ArrayList<>();
        for (S3ObjectIo.Listed o : page.objects()) {
            if (!o.key().startsWith(requestPrefix) || o.key().length() == requestPrefix.length()) continue;
            if (o.key().endsWith("/") && o.size() == 0) continue; // "folder" markers
            String key = o.key().substring(prefix.length());
            if (key.indexOf('/', folder.length()) >= 0) return null; // the store ignored the delimiter
            items.add(new Item(new ObjectEntry(key, o.size(), o.lastModified(), o.etag(), o.storageClass()), null, null, null));
        }
        for (String p : page.prefixes()) {
            if (!p.startsWith(requestPrefix) || !p.endsWith("/") || p.length() <= requestPrefix.length()) return null;
            items.add(new Item(null, p.substring(prefix.length()), null, null));
        }
        items.sort((a, b) -> KeyOrder.compare(name(a), name(b)));
        if (page.truncated() && !items.isEmpty()) {
            Item last = items.get(items.size() - 1);
            // past a folder means past every key in it
            String after = last.file() != null ? last.file().key() : last.folder() + SplitPoints.MAX_CHAR;
            items.add(new Item(null, null, folder, after));
        } else if (page.truncated()) {
            return null;
        }
        return items;
    }

    private static String name(Item i) {
        return i.file() != null ? i.file().key() : i.folder();
    }
}
