package labcloud.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import labcloud.aws.S3ObjectIo;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.Workers;

/**
 * Streams an S3 listing in key order, keys relative to the prefix, with bounded memory.
 *
 * <p>A ListObjectsV2 listing is a chain of pages, each needing the one before, so a large prefix
 * lists at one page per round trip. When the caller knows roughly which keys to expect (the local
 * tree a sync compares against), points about every 1,000th of its keys ({@link SplitPoints}) split
 * the key space into ranges that are listed side by side: range (lo, hi] starts after lo and stops
 * past hi, with request prefixes as narrow as the two ends allow (see {@link KeySpan}). Without a
 * guide, a nested tree is cut along its folders ({@link FolderScan}); a flat prefix's points are
 * guessed from the first page when its keys are numbered ({@link NumberedKeys}), until a guessed
 * range comes back empty. Either way the ranges cover the whole key space, so a
 * key the guide does not have is listed all the same.
 */
public final class S3Listing {
    /** One boundary per this many guide keys: about one listing page per range. */
    public static final int KEYS_PER_RANGE = 1000;
    /** Ranges listed ahead of the reader; each holds at most a few pages. */
    static final int RANGES_AHEAD = 16;
    private static final Object END = new Object();

    private S3Listing() {}

    public static Iterator<ObjectEntry> list(S3Store store, String bucket, String prefix) {
        return list(store, bucket, prefix, Collections.emptyIterator());
    }

    /**
     * @param boundaries increasing keys relative to the prefix; ranges are split at them. An empty
     *                   iterator gives one plain listing. If the guide fails, the last range simply
     *                   runs to the end.
     */
    public static Iterator<ObjectEntry> list(S3Store store, String bucket, String prefix, Iterator<String> boundaries) {
        return start(bucket, (ranges, slots) -> {
            if (hasNext(boundaries)) {
                split(store, bucket, prefix, boundaries, null, null, ranges, slots);
            } else {
                unguided(store, bucket, prefix, ranges, slots);
            }
        });
    }

    /**
     * Lists the prefix along the folders of a local tree, the other side of a sync ({@link TreeGuide}).
     * A tree of at most one page of files is no guide: the prefix is then listed as without one.
     */
    public static Iterator<ObjectEntry> alongTree(S3Store store, String bucket, String prefix, Path tree) {
        return alongTree(store, bucket, prefix, tree, KEYS_PER_RANGE);
    }

    /** As above, with {@code limit} keys to a page (at least 2) as the plan's unit. */
    static Iterator<ObjectEntry> alongTree(S3Store store, String bucket, String prefix, Path tree, int limit) {
        return start(bucket, (ranges, slots) -> {
            if (!TreeGuide.guides(tree, limit)) {
                unguided(store, bucket, prefix, ranges, slots);
                return;
            }
            TreeGuide.plan(tree, limit, folder -> FolderListing.start(store, bucket, prefix, folder), piece -> {
                slots.acquire();
                Range r = new Range(piece, false);
                ranges.put(r);
                Workers.start("s3-listing-range", () -> r.fill(store, bucket, prefix));
            });
            slots.acquire();
            ranges.put(new Range((TreeGuide.Piece) null, true));
        });
    }

    /** Puts the listing's ranges, in key order, on the queue the reader takes them from. */
    private interface Producer {
        void run(BlockingQueue<Range> ranges, Semaphore slots) throws InterruptedException;
    }

    private static Iterator<ObjectEntry> start(String bucket, Producer producer) {
        BlockingQueue<Range> ranges = new LinkedBlockingQueue<>(); // bounded by the slots
        Semaphore slots = new Semaphore(RANGES_AHEAD);
        Workers.start("s3-listing", () -> {
            try {
                producer.run(ranges, slots);
            } catch (InterruptedException e) {
                // nobody is reading any more
            } catch (Throwable e) {
                // a bug (or an Error) here must reach the reader, never leave it waiting for a range that will not come
                Range failed = new Range(null, null, null);
                failed.pages.add(e);
                ranges.add(failed);
            }
        });
        return new Reader(ranges, slots, bucket);
    }

    /** Without a guide: a nested tree is cut along its folders, a flat prefix's numbered keys are guessed at. */
    private static void unguided(S3Store store, String bucket, String prefix, BlockingQueue<Range> ranges, Semaphore slots)
            throws InterruptedException {
        // a nested tree is cut along its folders (see FolderScan)
        List<FolderScan.Piece> pieces = FolderScan.pieces(store, bucket, prefix);
        if (pieces != null) {
            for (int i = 0; i < pieces.size(); i++) {
                slots.acquire();
                Range r = new Range(pieces.get(i), i == pieces.size() - 1);
                ranges.put(r);
                if (r.span != null) Workers.start("s3-listing-range", () -> r.fill(store, bucket, prefix));
            }
            return;
        }
        // a flat prefix: the first page shows whether the keys are numbered (see NumberedKeys)
        Guess guess = new Guess();
        slots.acquire();
        Range first = new Range(null, null, guess);
        ranges.put(first);
        Workers.start("s3-listing-range", () -> first.fill(store, bucket, prefix));
        Iterator<String> points = guess.points.join();
        if (!points.hasNext()) return; // the first range lists everything
        split(store, bucket, prefix, points, first.hi, guess, ranges, slots);
    }

    /** Ranges from lo (null: the start) split at the points, the last one open. */
    private static void split(S3Store store, String bucket, String prefix, Iterator<String> points, String lo, Guess guess,
                              BlockingQueue<Range> ranges, Semaphore slots) throws InterruptedException {
        while (true) {
            String hi = guess != null && guess.pastTheEnd ? null : nextBoundary(points, lo);
            slots.acquire();
            Range r = new Range(lo, hi, guess);
            ranges.put(r);
            Workers.start("s3-listing-range", () -> r.fill(store, bucket, prefix));
            if (hi == null) return;
            lo = hi;
        }
    }

    private static boolean hasNext(Iterator<String> boundaries) {
        try {
            return boundaries.hasNext();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String nextBoundary(Iterator<String> boundaries, String after) {
        try {
            while (boundaries.hasNext()) {
                String b = boundaries.next();
                if (after == null || KeyOrder.compare(b, after) > 0) return b;
            }
        } catch (RuntimeException e) {
            // an unreadable guide only costs parallelism: the open last range lists the rest
        }
        return null;
    }

    /** Split points guessed from the first page, and whether a guessed range has come back empty. */
    private static final class Guess {
        final CompletableFuture<Iterator<String>> points = new CompletableFuture<>();
        volatile boolean pastTheEnd;
    }

    /** Keys after lo (exclusive) up to hi (inclusive), listed as {@link KeySpan}s; null means unbounded. */
    private static final class Range {
        final String lo;
        /** Set before the range's END when the first page ends it (the first range of a guess). */
        volatile String hi;
        private final Guess guess;
        /** A piece of a {@link FolderScan}: the one span to list (null for entries already known), and whether it is the last. */
        final KeySpan span;
        private final boolean piece;
        private final boolean lastPiece;
        /** A piece of a plan along a local tree ({@link TreeGuide}); null otherwise. */
        private final TreeGuide.Piece guided;
        /** The empty range after a plan's last piece. */
        private final boolean endOfPlan;
        private boolean found;
        final BlockingQueue<Object> pages = new ArrayBlockingQueue<>(2);

        Range(String lo, String hi, Guess guess) {
            this.lo = lo;
            this.hi = hi;
            this.guess = guess;
            this.span = null;
            this.piece = false;
            this.lastPiece = false;
            this.guided = null;
            this.endOfPlan = false;
        }

        /** A piece of a {@link TreeGuide} plan, or (null, true) the end of the plan. */
        Range(TreeGuide.Piece guided, boolean endOfPlan) {
            this.lo = null;
            this.hi = null;
            this.guess = null;
            this.span = null;
            this.piece = false;
            this.lastPiece = false;
            this.guided = guided;
            this.endOfPlan = endOfPlan;
            if (endOfPlan) pages.add(END);
        }

        Range(FolderScan.Piece piece, boolean last) {
            this.lo = null;
            this.hi = null;
            this.guess = null;
            this.span = piece.span();
            this.piece = true;
            this.lastPiece = last;
            this.guided = null;
            this.endOfPlan = false;
            if (span == null) {
                if (!piece.known().isEmpty()) pages.add(piece.known());
                pages.add(END);
            }
        }

        /** Whether the listing ends with this range. */
        boolean last() {
            if (guided != null || endOfPlan) return endOfPlan;
            return piece ? lastPiece : hi == null;
        }

        void fill(S3Store store, String bucket, String prefix) {
            Object last = END;
            try {
                if (guided instanceof TreeGuide.Gap g) {
                    fillGap(store, bucket, prefix, g);
                } else {
                    List<KeySpan> spans = guided instanceof TreeGuide.Spans s ? s.spans() : span != null ? List.of(span) : KeySpan.cover(lo, hi);
                    for (KeySpan s : spans) list(store, bucket, prefix, s);
                }
                if (guess != null && !found && lo != null) guess.pastTheEnd = true; // guessed past the last key
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // an Error too (a page that filled memory): the reader gets the failure, never waits for an END
                last = e;
            } finally {
                if (guess != null) guess.points.complete(Collections.emptyIterator());
            }
            try {
                pages.put(last);
            } catch (InterruptedException ignored) {
                // nobody is reading any more
            }
        }

        /**
         * A folder's files between two of the local tree's sub-folders, from its delimited listing,
         * and the sub-folders there that the tree lacks, each listed whole; all of it listed plainly
         * instead when the delimited listing cannot be trusted.
         */
        private void fillGap(S3Store store, String bucket, String prefix, TreeGuide.Gap gap) throws InterruptedException {
            List<FolderListing.Entry> entries = gap.listing().entries();
            if (entries == null) {
                list(store, bucket, prefix, gap.plain());
                return;
            }
            List<ObjectEntry> files = new ArrayList<>();
            for (FolderListing.Entry e : entries) {
                if (!gap.holds(e.name())) continue;
                if (e.file() != null) {
                    files.add(e.file());
                    continue;
                }
                if (!files.isEmpty()) pages.put(files);
                files = new ArrayList<>();
                list(store, bucket, prefix, new KeySpan(e.folder(), null, null, null));
            }
            if (!files.isEmpty()) pages.put(files);
        }

        /**
         * Pages through one span: the first request starts after the span's lower end, the next
         * ones follow the store's continuation token (or start after the last key, for a store
         * that sends none). Keys at or before the lower end, or outside the prefix, are dropped
         * here too, so a store that ignores start-after costs time, not correctness.
         */
        private void list(S3Store store, String bucket, String prefix, KeySpan span) throws InterruptedException {
            String requestPrefix = prefix + span.prefix();
            String lower = span.after() == null ? null : prefix + span.after();
            String before = span.before() == null ? null : prefix + span.before();
            String after = lower;
            String token = null;
            boolean more = true;
            while (more) {
                S3ObjectIo.ListPage r = store.objects().listObjects(bucket, requestPrefix, after, token);
                List<ObjectEntry> page = new ArrayList<>();
                String last = null;
                for (S3ObjectIo.Listed o : r.objects()) {
                    if (before != null && KeyOrder.compare(o.key(), before) >= 0) {
                        more = false;
                        break;
                    }
                    last = o.key();
                    if (!o.key().startsWith(requestPrefix)) continue;
                    if (lower != null && KeyOrder.compare(o.key(), lower) <= 0) continue;
                    String key = o.key().substring(prefix.length());
                    if (!span.admits(key)) continue;
                    if (o.key().endsWith("/") && o.size() == 0) continue; // "folder" markers (and the prefix itself)
                    page.add(new ObjectEntry(key, o.size(), o.lastModified(), o.etag(), o.storageClass()));
                }
                found |= !page.isEmpty();
                // a page that ended exactly on hi needs no further request to learn that nothing follows
                boolean reachedEnd = before != null && last != null && KeyOrder.compare(last + "\0", before) >= 0;
                more &= r.truncated() && last != null && !reachedEnd;
                if (more && lo == null && guess != null && !guess.points.isDone() && !page.isEmpty()) {
                    // the first page of a listing without a guide: end this range with it if the keys are numbered
                    Iterator<String> points = NumberedKeys.pointsAfter(page.get(0).key(), page.get(page.size() - 1).key());
                    if (points.hasNext()) {
                        hi = page.get(page.size() - 1).key();
                        more = false;
                    }
                    guess.points.complete(points);
                }
                token = r.nextToken();
                if (token == null && more) {
                    if (after != null && KeyOrder.compare(last, after) <= 0) {
                        // it would answer the same page forever
                        throw new LabcloudException(ExitCode.FAILED, "the store answers listings of " + bucket
                                + " without continuation tokens and ignores start-after: it cannot be listed past 1,000 keys");
                    }
                    after = last;
                }
                if (!page.isEmpty()) pages.put(page);
            }
        }
    }

    /** Reads the ranges in key order, freeing a slot for the next range as each one is finished. */
    private static final class Reader implements Iterator<ObjectEntry> {
        private final BlockingQueue<Range> ranges;
        private final Semaphore slots;
        private final String bucket;
        private Range range;
        private Iterator<ObjectEntry> page = Collections.emptyIterator();
        private boolean done;

        Reader(BlockingQueue<Range> ranges, Semaphore slots, String bucket) {
            this.ranges = ranges;
            this.slots = slots;
            this.bucket = bucket;
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean hasNext() {
            while (!page.hasNext() && !done) {
                try {
                    if (range == null) range = ranges.take();
                    Object next = range.pages.take();
                    if (next == END) {
                        slots.release();
                        if (range.last()) done = true;
                        range = null;
                    } else if (next instanceof RuntimeException e) {
                        done = true;
                        throw e;
                    } else if (next instanceof Throwable t) {
                        done = true;
                        throw new LabcloudException(ExitCode.FAILED, "listing " + bucket + " failed: "
                                + (t instanceof OutOfMemoryError ? "out of memory" : t.toString()), t);
                    } else {
                        page = ((List<ObjectEntry>) next).iterator();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while listing " + bucket, e);
                }
            }
            return page.hasNext();
        }

        @Override
        public ObjectEntry next() {
            if (!hasNext()) throw new NoSuchElementException();
            return page.next();
        }
    }

    public static String unquote(String etag) {
        return S3ObjectIo.unquote(etag);
    }
}
