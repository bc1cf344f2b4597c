package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SplitPointsTest {
    private static final String MAX = SplitPoints.MAX_CHAR;

    private static List<String> points(List<String> keys, int n) {
        List<String> out = new ArrayList<>();
        SplitPoints.of(keys.iterator(), n).forEachRemaining(out::add);
        return out;
    }

    @Test
    void numberedKeysSplitWhereTheirBlocksEnd() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) keys.add(String.format("f%06d", i));
        List<String> points = points(keys, 1000);
        // f000999 | f001000 share only "f00": the point ends the block "f000"
        assertThat(points.subList(0, 9)).containsExactly("f000" + MAX, "f001" + MAX, "f002" + MAX, "f003" + MAX,
                "f004" + MAX, "f005" + MAX, "f006" + MAX, "f007" + MAX, "f008" + MAX);
        assertThat(points).hasSize(10); // and one inside the window the keys end in
    }

    @Test
    void pointsIncreaseAndFallNearEveryNthKeyBetweenTwoKeys() {
        Random r = new Random(11);
        String[] alphabet = {"a", "b", "c", "0", "9", "/", "é", "😀"};
        for (int round = 0; round < 50; round++) {
            TreeSet<String> set = new TreeSet<>(KeyOrder.COMPARATOR);
            while (set.size() < 3000) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 6; i++) b.append(alphabet[r.nextInt(alphabet.length)]); // none a prefix of another
                set.add(b.toString());
            }
            List<String> keys = new ArrayList<>(set);
            int n = 200, window = n / 8;
            List<String> points = points(keys, n);
            assertThat(points).hasSize(3000 / n);
            int previousCount = 0;
            for (String p : points) {
                int count = 0; // keys at or before the point
                while (count < keys.size() && KeyOrder.compare(keys.get(count), p) <= 0) count++;
                assertThat(count).isGreaterThan(previousCount);
                assertThat(count - previousCount).isBetween(n - 2 * window, n + 2 * window);
                previousCount = count;
            }
        }
    }

    @Test
    void keysThatArePrefixesOfTheirNeighboursNeverSplitBetweenThem() {
        List<String> keys = List.of("a", "a/1", "a/1/2", "a/1/2/3", "a/1/2/3/4");
        assertThat(points(keys, 2)).isEmpty();
        assertThat(points(List.of(), 2)).isEmpty();
        assertThat(points(List.of("x"), 2)).isEmpty();
    }
}
