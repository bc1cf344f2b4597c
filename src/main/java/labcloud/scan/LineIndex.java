package labcloud.scan;

import java.util.Arrays;

/** Line starts of a text, built only when a text has something to report. */
final class LineIndex {
    private final int[] starts;
    private final int count;
    private final int length;

    LineIndex(String text) {
        int[] s = new int[64];
        int n = 0;
        s[n++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == s.length) s = Arrays.copyOf(s, n * 2);
            s[n++] = i + 1;
        }
        this.starts = s;
        this.count = n;
        this.length = text.length();
    }

    /** The 1-based line holding a position. */
    int lineOf(int pos) {
        int i = Arrays.binarySearch(starts, 0, count, pos);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    int start(int line) {
        return starts[line - 1];
    }

    String lineText(String text, int line) {
        int from = starts[line - 1];
        int to = line < count ? starts[line] - 1 : length;
        return text.substring(from, Math.max(from, to));
    }
}
