package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The spans a key range is listed as hold exactly its keys, once each, in order. */
class KeySpanTest {
    private static final String MAX = SplitPoints.MAX_CHAR;
    private static final String[] ALPHABET = {"0", "1", "2", "9", "a", "b", "m", "z", "/", ".", " ", "é", "😀", "~", MAX};

    /** What a store returns for a span: keys under its prefix after its start, then filtered as the lister does. */
    private static List<String> listed(TreeSet<String> keys, KeySpan s) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!k.startsWith(s.prefix())) continue;
            if (s.after() != null && KeyOrder.compare(k, s.after()) <= 0) continue;
            if (s.admits(k)) out.add(k);
        }
        return out;
    }

    @Test
    void spansCoverExactlyTheRangeForRandomKeysAndBounds() {
        Random r = new Random(7);
        for (int round = 0; round < 300; round++) {
            TreeSet<String> keys = new TreeSet<>(KeyOrder.COMPARATOR);
            for (int i = 0; i < 200; i++) keys.add(randomKey(r));
            String lo = randomKey(r), hi = randomKey(r);
            if (r.nextInt(3) == 0) lo = lo.substring(0, lo.offsetByCodePoints(0, 1)) + MAX; // a split point
            if (r.nextInt(3) == 0) hi = hi.substring(0, hi.offsetByCodePoints(0, 1)) + MAX;
            if (KeyOrder.compare(lo, hi) > 0) {
                String t = lo;
                lo = hi;
                hi = t;
            }
            if (lo.equals(hi)) continue;
            if (r.nextInt(5) == 0) lo = null; // open lower end
            List<String> expected = new ArrayList<>();
            for (String k : keys) if ((lo == null || KeyOrder.compare(k, lo) > 0) && KeyOrder.compare(k, hi) <= 0) expected.add(k);
            List<String> got = new ArrayList<>();
            for (KeySpan s : KeySpan.cover(lo, hi)) got.addAll(listed(keys, s));
            assertThat(got).as("(%s, %s]", lo, hi).isEqualTo(expected);
        }
    }

    @Test
    void numberedKeysGetNarrowPrefixes() {
        assertThat(KeySpan.cover("f000999", "f001999")).containsExactly(
                new KeySpan("f000", "f000999", null, null), new KeySpan("f001", null, "f001999\0", null));
        // a few characters apart: one narrow prefix each
        assertThat(KeySpan.cover("f0999", "f3999")).extracting(KeySpan::prefix).containsExactly("f0", "f1", "f2", "f3");
        // far apart: one span for everything in between, skipping what the first span lists
        List<KeySpan> wide = KeySpan.cover("a1", "z1");
        assertThat(wide).hasSize(3);
        assertThat(wide.get(1).prefix()).isEmpty();
        assertThat(wide.get(1).skip()).isEqualTo("a");
        // open ends
        assertThat(KeySpan.cover(null, "b")).containsExactly(new KeySpan("", null, "b\0", null));
        assertThat(KeySpan.cover("b", null)).containsExactly(new KeySpan("", "b", null, null));
        assertThat(KeySpan.cover("abc", "abc/d")).containsExactly(new KeySpan("abc", "abc", "abc/d\0", null));
        // up to a split point: what comes before its block, then the block
        assertThat(KeySpan.cover(null, "f000" + MAX)).containsExactly(
                new KeySpan("", null, "f000", null), new KeySpan("f000", null, "f000" + MAX + "\0", null));
        // from a split point: the rest of its block is only what continues it
        assertThat(KeySpan.cover("f000" + MAX, "f001" + MAX)).containsExactly(
                new KeySpan("f000" + MAX, "f000" + MAX, null, null), new KeySpan("f001", null, "f001" + MAX + "\0", null));
    }

    @Test
    void commonPrefixNeverSplitsASurrogatePair() {
        assertThat(KeySpan.commonPrefix("f000123", "f000999")).isEqualTo("f000");
        assertThat(KeySpan.commonPrefix("abc", "abc/d")).isEqualTo("abc");
        assertThat(KeySpan.commonPrefix("😀a", "😁a")).isEmpty();
        assertThat(KeySpan.commonPrefix("x", "y")).isEmpty();
    }

    private static String randomKey(Random r) {
        StringBuilder b = new StringBuilder();
        for (int n = 1 + r.nextInt(5); n > 0; n--) b.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        return b.toString();
    }
}
