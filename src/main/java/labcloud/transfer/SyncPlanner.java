package labcloud.transfer;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Merges a source and a destination listing, both in key order, into plan items in one pass:
 * memory stays bounded however many objects there are. Unchanged files produce no item.
 */
public final class SyncPlanner implements Iterator<PlanItem> {
    /** Filesystems and S3 keep different timestamp precision. */
    private static final Duration MTIME_SLACK = Duration.ofSeconds(2);

    private final Side src;
    private final Side dst;
    private final Iterator<ObjectEntry> s;
    private final Iterator<ObjectEntry> d;
    private final Filters filters;
    private final CompareMode mode;
    private final boolean delete;
    /** Earlier reads of the local side of a local/bucket sync (null otherwise), walked along with the keys. */
    private final DigestCache.Cursor digests;
    private ObjectEntry sNext;
    private ObjectEntry dNext;
    private PlanItem next;
    private long unchanged;

    public SyncPlanner(Side src, Side dst, Filters filters, CompareMode mode, boolean delete) {
        this(src, dst, filters, mode, delete, DigestCache.disabled());
    }

    public SyncPlanner(Side src, Side dst, Filters filters, CompareMode mode, boolean delete, DigestCache cache) {
        this.src = src;
        this.dst = dst;
        this.s = src.list(dst);
        this.d = dst.list(src);
        this.filters = filters;
        this.mode = mode;
        this.delete = delete;
        Side local = src.isLocal() == dst.isLocal() ? null : src.isLocal() ? src : dst;
        this.digests = local == null || mode != CompareMode.CHECKSUM ? null : cache.cursor(local.localRoot());
    }

    /** Files found identical so far (no item is produced for them). */
    public long unchanged() {
        return unchanged;
    }

    private ObjectEntry pull(Iterator<ObjectEntry> it) {
        while (it.hasNext()) {
            ObjectEntry e = it.next();
            if (filters.accepts(e.key())) return e;
        }
        return null;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (sNext == null) sNext = pull(s);
            if (dNext == null) dNext = pull(d);
            if (sNext == null && dNext == null) {
                if (digests != null) digests.close();
                return false;
            }
            int c = sNext == null ? 1 : dNext == null ? -1 : KeyOrder.compare(sNext.key(), dNext.key());
            String refused = dst.isLocal() && c <= 0 ? LocalTree.unsafeReason(sNext.key()) : null;
            if (refused != null) {
                next = new PlanItem.Refused(sNext, "not downloaded: the key " + refused);
                sNext = null;
            } else if (c < 0) {
                next = new PlanItem.Copy(sNext, src.ref(sNext.key()), dst.ref(sNext.key()), "new");
                sNext = null;
            } else if (c > 0) {
                if (delete) next = new PlanItem.Delete(dNext, dst.ref(dNext.key()));
                dNext = null;
            } else {
                next = compare(sNext, dNext);
                if (next == null) unchanged++;
                sNext = null;
                dNext = null;
            }
        }
        return true;
    }

    private PlanItem compare(ObjectEntry a, ObjectEntry b) {
        Ref from = src.ref(a.key()), to = dst.ref(a.key());
        if (mode == CompareMode.ALWAYS) return new PlanItem.Copy(a, from, to, "copy");
        if (a.size() != b.size()) return new PlanItem.Copy(a, from, to, "size");
        return switch (mode) {
            case SIZE_ONLY -> null;
            case MTIME -> b.modified().plus(MTIME_SLACK).isBefore(a.modified()) ? new PlanItem.Copy(a, from, to, "mtime") : null;
            default -> new PlanItem.CompareThenCopy(a, b, from, to, digests == null ? null : digests.find(a.key()));
        };
    }

    @Override
    public PlanItem next() {
        if (!hasNext()) throw new NoSuchElementException();
        PlanItem p = next;
        next = null;
        return p;
    }
}
