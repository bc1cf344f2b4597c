package labcloud.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Plans the listing of a bucket prefix along the folders of a local tree (the other side of a
 * sync), as pieces in key order that together cover every key under the prefix.
 *
 * <p>A store that serves a listing by walking a directory (S3Proxy, MinIO) pays for every key
 * under a request's prefix, whatever part of them the request asks for: ranges split at the
 * tree's keys whose prefix is the whole tree cost the whole tree each (a re-sync of 5,000 nested
 * files: 23 requests, 0.3 s of the store's time for each wide one). So each folder is judged by
 * the local tree's shape, never by its names:
 * <ul>
 * <li>at most {@code limit} files below it (about one page): its keys, one plain listing of the folder;
 * <li>sub-folders that hold at least 40 files each on average, and at most a page of entries of its
 *     own: one '/'-delimited listing of the folder for its files and for sub-folders the tree lacks
 *     (listed whole, plainly, as they come), and each of the tree's sub-folders planned in turn;
 * <li>otherwise (a flat folder of many files, or very many small sub-folders): ranges split about
 *     every {@code limit}-th local key ({@link SplitPoints}), with request prefixes inside the folder.
 * </ul>
 * Deciding costs a walk of at most {@code limit} files, or 40 per sub-folder, below each folder opened.
 */
final class TreeGuide {
    /**
     * A folder is opened (one request per sub-folder) only if its sub-folders hold at least a
     * page's worth divided by this, on average: on S3Proxy a request costs about as much as walking
     * 40 keys (2.5 ms against 65 us a key), so a folder of very many small sub-folders is split in
     * ranges instead.
     */
    static final int KEYS_PER_FOLDER_DIVISOR = 25;

    /** One piece of the plan, in key order. */
    sealed interface Piece permits Spans, Gap {}

    /** Keys under these spans, listed without a delimiter, one span after the other. */
    record Spans(List<KeySpan> spans) implements Piece {}

    /**
     * The entries of {@code folder}'s delimited listing that sort strictly between two of the
     * tree's sub-folders {@code after} and {@code before} (null: the folder's start or end),
     * sub-folders among them listed whole.
     */
    record Gap(FolderListing listing, String folder, String after, String before) implements Piece {
        /** The same keys without a delimiter, when the delimited listing cannot be trusted. */
        KeySpan plain() {
            return new KeySpan(folder, after == null ? null : after + SplitPoints.MAX_CHAR, before, after);
        }

        boolean holds(String name) {
            return (after == null || KeyOrder.compare(name, after) > 0) && (before == null || KeyOrder.compare(name, before) < 0);
        }
    }

    interface Sink {
        void accept(Piece piece) throws InterruptedException;
    }

    private final Path root;
    private final int limit;
    private final Function<String, FolderListing> lister;
    private final Sink sink;

    private TreeGuide(Path root, int limit, Function<String, FolderListing> lister, Sink sink) {
        this.root = root;
        this.limit = limit;
        this.lister = lister;
        this.sink = sink;
    }

    /** Whether the tree holds more than {@code limit} files: a smaller one is no guide worth following. */
    static boolean guides(Path root, int limit) {
        return LocalTree.count(root, "", limit + 1L) > limit;
    }

    /**
     * Hands the pieces of the whole prefix to {@code sink}, in key order.
     *
     * @param limit  keys per listing page (at least 2)
     * @param lister starts the delimited listing of a folder (relative to the prefix)
     */
    static void plan(Path root, int limit, Function<String, FolderListing> lister, Sink sink) throws InterruptedException {
        new TreeGuide(root, limit, lister, sink).plan("");
    }

    private void plan(String dir) throws InterruptedException {
        List<String> folders;
        try (LocalTree.Dir d = new LocalTree.Dir(root, dir)) {
            int n = d.folders();
            long enough = (long) Math.max(1, limit / KEYS_PER_FOLDER_DIVISOR) * n; // keys that make n requests worth it
            long files = LocalTree.count(root, dir, Math.max(limit + 1L, enough));
            if (files <= limit) {
                sink.accept(new Spans(List.of(new KeySpan(dir, null, null, null))));
                return;
            }
            folders = n > 0 && d.size() <= limit && files >= enough ? d.folderKeys() : null;
        }
        if (folders == null) {
            ranges(dir);
            return;
        }
        FolderListing listing = lister.apply(dir);
        String after = null;
        for (String f : folders) {
            sink.accept(new Gap(listing, dir, after, f));
            plan(f);
            after = f;
        }
        sink.accept(new Gap(listing, dir, after, null));
    }

    /** The folder in ranges (lo, hi] between split points of its local keys. */
    private void ranges(String dir) throws InterruptedException {
        Iterator<String> points = SplitPoints.of(LocalTree.keys(root, dir), limit);
        String lo = null;
        while (true) {
            String hi = S3Listing.nextBoundary(points, lo);
            sink.accept(new Spans(within(dir, lo, hi)));
            if (hi == null) return;
            lo = hi;
        }
    }

    /** {@link KeySpan#cover} of (lo, hi] among the keys under {@code dir}; a null end is the folder's own. */
    static List<KeySpan> within(String dir, String lo, String hi) {
        List<KeySpan> spans = KeySpan.cover(lo == null ? null : lo.substring(dir.length()), hi == null ? null : hi.substring(dir.length()));
        if (dir.isEmpty()) return spans;
        List<KeySpan> out = new ArrayList<>(spans.size());
        for (KeySpan s : spans) {
            out.add(new KeySpan(dir + s.prefix(), s.after() == null ? null : dir + s.after(),
                    s.before() == null ? null : dir + s.before(), s.skip() == null ? null : dir + s.skip()));
        }
        return out;
    }
}
