package labcloud.transfer;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Where to split the listing of a bucket prefix whose keys are expected to resemble a known key
 * sequence (the local tree of a sync): about every n-th key, at the end of a block of keys that
 * share a prefix.
 *
 * <p>Near each n-th key the gap between neighbours with the shortest common prefix is chosen,
 * and the split point is the end of the left neighbour's block: between f000999 and f001000
 * (common prefix "f00") it is "f000" followed by the largest code point. The next range then
 * starts with "f001" and lists as one narrow prefix, rather than also re-reading "f000" to learn
 * that nothing follows f000999 there ({@link KeySpan#cover}). Points only steer how the listing is
 * split; any increasing points give the same keys.
 */
final class SplitPoints implements Iterator<String> {
    static final String MAX_CHAR = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final Iterator<String> keys;
    private final int n;
    private final int window;
    private long position = -1; // index of the latest key read
    private String previous;
    private String best;
    private int bestDepth;
    private String next;

    private SplitPoints(Iterator<String> keys, int n) {
        this.keys = keys;
        this.n = n;
        this.window = Math.max(1, n / 8);
    }

    /** Split points for keys in key order, about one per n keys (n &gt;= 2). */
    static Iterator<String> of(Iterator<String> keys, int n) {
        return new SplitPoints(keys, n);
    }

    @Override
    public boolean hasNext() {
        while (next == null && keys.hasNext()) {
            String key = keys.next();
            String left = previous;
            previous = key;
            position++;
            if (left == null) continue;
            long gap = position - 1; // between the keys at gap and gap + 1
            long target = (gap + 1 + n / 2) / n * n - 1; // the n-th key nearest to it
            if (target < n - 1 || Math.abs(gap - target) > window) continue;
            consider(left, key);
            if (gap == target + window) emit();
        }
        if (next == null && best != null) emit(); // the keys ended inside a window
        return next != null;
    }

    private void consider(String left, String right) {
        String common = KeySpan.commonPrefix(left, right);
        if (common.length() == left.length()) return; // left is a prefix of right: no block ends between them
        if (best == null || common.length() < bestDepth) {
            bestDepth = common.length();
            best = common + Character.toString(left.codePointAt(common.length())) + MAX_CHAR;
        }
    }

    private void emit() {
        next = best;
        best = null;
    }

    @Override
    public String next() {
        if (!hasNext()) throw new NoSuchElementException();
        String p = next;
        next = null;
        return p;
    }
}
