package labcloud.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of keys to list with one chain of ListObjectsV2 requests: keys that start with
 * {@code prefix}, come after {@code after} and before {@code before}, and do not start with
 * {@code skip} (each null when it does not apply). Keys are relative to the listed root.
 *
 * <p>{@link #cover} turns the key range (lo, hi] into spans whose prefixes are as long as
 * possible. Stores that serve a listing by scanning a directory (S3Proxy, MinIO) pay for every
 * key under the request's prefix, so (f000999, f001999] is listed as "f000" after f000999 plus
 * "f001" up to f001999, not as all of "f00".
 */
record KeySpan(String prefix, String after, String before, String skip) {
    /** Characters between the two ends that are listed one prefix each, rather than by one wider span. */
    private static final int MAX_SPLIT = 8;
    private static final String MAX_CHAR = SplitPoints.MAX_CHAR;

    boolean admits(String key) {
        return (before == null || KeyOrder.compare(key, before) < 0) && (skip == null || !key.startsWith(skip));
    }

    /** Spans that together hold exactly the keys k with lo &lt; k &lt;= hi, in key order; null ends are open. */
    static List<KeySpan> cover(String lo, String hi) {
        String upTo = hi == null ? null : hi + "\0"; // the first key after hi
        if (lo == null && hi != null && hi.endsWith(MAX_CHAR)) {
            // up to a split point: everything before its block, then the block, so that the first
            // span stops at the block instead of paging on through it to learn where it ends
            String block = hi;
            while (block.endsWith(MAX_CHAR)) block = block.substring(0, block.length() - MAX_CHAR.length());
            if (!block.isEmpty()) return List.of(new KeySpan("", null, block, null), new KeySpan(block, null, upTo, null));
        }
        if (lo == null || hi == null) return List.of(new KeySpan("", lo, upTo, null));
        String common = commonPrefix(lo, hi);
        if (common.length() == lo.length()) return List.of(new KeySpan(common, lo, upTo, null)); // lo is a prefix of hi
        int a = lo.codePointAt(common.length()), b = hi.codePointAt(common.length());
        String blockA = common + Character.toString(a), blockB = common + Character.toString(b);
        List<KeySpan> spans = new ArrayList<>();
        spans.add(new KeySpan(restOfBlock(blockA, lo), lo, null, null)); // the rest of lo's block
        List<String> between = new ArrayList<>();
        for (int c = a + 1; c < b && between.size() <= MAX_SPLIT; c++) {
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) between.add(common + Character.toString(c));
        }
        if (between.size() <= MAX_SPLIT) {
            between.forEach(p -> spans.add(new KeySpan(p, null, null, null)));
        } else {
            // every key of the common prefix whose next character falls strictly between a and b
            spans.add(new KeySpan(common, blockA + MAX_CHAR, blockB, blockA));
        }
        spans.add(new KeySpan(blockB, null, upTo, null)); // hi's block, up to hi
        return spans;
    }

    /**
     * The narrowest prefix holding every key of the block that comes after lo. Where lo continues
     * the block with the largest code point (a {@link SplitPoints} point), a later key must continue
     * with it too: after "f000" + max only keys that start with "f000" + max follow in "f000".
     */
    private static String restOfBlock(String block, String lo) {
        String p = block;
        while (lo.startsWith(p + MAX_CHAR)) p += MAX_CHAR;
        return p;
    }

    /** Longest common prefix of two keys, never splitting a surrogate pair. */
    static String commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length()), i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        if (i > 0 && Character.isHighSurrogate(a.charAt(i - 1))) i--;
        return a.substring(0, i);
    }
}
