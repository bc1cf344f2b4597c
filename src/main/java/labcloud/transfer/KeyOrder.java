package labcloud.transfer;

import java.util.Comparator;

/**
 * The order S3 lists keys in (UTF-8 byte order), which is code point order. Local trees are walked
 * in the same order so that a source and a destination listing can be merged in one pass.
 */
public final class KeyOrder {
    public static final Comparator<String> COMPARATOR = KeyOrder::compare;

    private KeyOrder() {}

    public static int compare(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
