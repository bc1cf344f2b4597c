package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedKeysTest {
    private static final String MAX = SplitPoints.MAX_CHAR;

    private static List<String> first(Iterator<String> it, int n) {
        List<String> out = new ArrayList<>();
        while (it.hasNext() && out.size() < n) out.add(it.next());
        return out;
    }

    @Test
    void aPageOfNumberedKeysGivesPointsAtTheSameStepEachAtTheEndOfItsBlock() {
        assertThat(first(NumberedKeys.pointsAfter("f000000", "f000999"), 3)).containsExactly("f001" + MAX, "f002" + MAX, "f003" + MAX);
        // at the roll-over to f010000 the range still ends with its own block, not all of "f00"
        assertThat(first(NumberedKeys.pointsAfter("f000000", "f000999"), 10).subList(7, 10))
                .containsExactly("f008" + MAX, "f009" + MAX, "f010" + MAX);
        // 500 numbers a page (two files per number, say): the blocks end where the numbers roll over
        assertThat(first(NumberedKeys.pointsAfter("img_0000.png", "img_0499.png"), 3))
                .containsExactly("img_0" + MAX, "img_14" + MAX, "img_1" + MAX);
        // the digits that change may sit anywhere in the key; the rest is kept
        assertThat(first(NumberedKeys.pointsAfter("run-7/shard-00000-of-04096.tar", "run-7/shard-00999-of-04096.tar"), 1))
                .containsExactly("run-7/shard-01" + MAX);
    }

    @Test
    void keysThatDoNotLookNumberedGiveNoPoints() {
        assertThat(NumberedKeys.pointsAfter("apple", "pear").hasNext()).isFalse();
        assertThat(NumberedKeys.pointsAfter("f1", "f999").hasNext()).isFalse(); // not zero-padded
        assertThat(NumberedKeys.pointsAfter("f0001a", "f0001b").hasNext()).isFalse(); // they differ after the digits
        assertThat(NumberedKeys.pointsAfter("a", "a").hasNext()).isFalse();
    }

    @Test
    void pointsStopWhereTheDigitsRunOut() {
        // 59 | 60 and 89 | 90; 119 would not fit two digits, and the open last range lists the rest
        assertThat(first(NumberedKeys.pointsAfter("k00", "k29"), 10)).containsExactly("k5" + MAX, "k8" + MAX);
        assertThat(NumberedKeys.pointsAfter("k00", "k49").hasNext()).isFalse();
    }
}
