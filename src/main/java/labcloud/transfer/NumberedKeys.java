package labcloud.transfer;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Guesses where later listing pages of numbered keys end, from the first page alone: datasets are
 * often numbered files (frame_000123.png, shard-00042.tar). If the first and last key of the page
 * differ inside one run of digits of the same width, the page covered that many numbers, and the
 * next pages probably cover as many each: split points follow at that step, each at the end of a
 * block of keys ({@link SplitPoints}). A wrong guess costs requests, never keys:
 * the ranges between points still cover the whole key space.
 */
final class NumberedKeys {
    private NumberedKeys() {}

    /** Split points after {@code last}, or an empty iterator when the keys do not look numbered. */
    static Iterator<String> pointsAfter(String first, String last) {
        int at = KeySpan.commonPrefix(first, last).length();
        if (at >= first.length() || at >= last.length() || !digit(first, at) || !digit(last, at)) return Collections.emptyIterator();
        int start = at, end = at;
        while (start > 0 && digit(last, start - 1)) start--;
        while (end < last.length() && digit(last, end)) end++;
        int firstEnd = at;
        while (firstEnd < first.length() && digit(first, firstEnd)) firstEnd++;
        int width = end - start;
        if (firstEnd != end || width > 18) return Collections.emptyIterator();
        long from = Long.parseLong(first.substring(start, end)), to = Long.parseLong(last.substring(start, end));
        long step = to - from + 1, limit = (long) Math.pow(10, width);
        String head = last.substring(0, start), tail = last.substring(end);
        return new Iterator<>() {
            long n = to + step;

            @Override
            public boolean hasNext() {
                return n + 1 < limit;
            }

            @Override
            public String next() {
                if (!hasNext()) throw new NoSuchElementException();
                String key = key(n), firstOfRange = key(n - step + 1), following = key(n + 1);
                n += step;
                String common = KeySpan.commonPrefix(key, following);
                String byNeighbour = common + Character.toString(key.codePointAt(common.length()));
                // at a roll-over (f009999 | f010000) the neighbours share only "f0"; the range's own
                // block, "f009", ends it as well and lists as one narrow prefix
                String byRange = KeySpan.commonPrefix(firstOfRange, key);
                return (byRange.length() > byNeighbour.length() ? byRange : byNeighbour) + SplitPoints.MAX_CHAR;
            }

            private String key(long number) {
                return head + pad(number, width) + tail;
            }
        };
    }

    private static boolean digit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
