package labcloud.scan;

/**
 * Tells real-looking credentials from look-alikes: AWS's documented examples, placeholder runs
 * (XXXX...), hex digests (git SHAs, checksums), and low-variety strings.
 */
final class Plausibility {
    private Plausibility() {}

    static boolean keyIdBody(String body) {
        if (body.contains("EXAMPLE")) return false;
        return longestRun(body) < 4 && distinct(body) >= 6 && longestAscending(body) < 5;
    }

    /**
     * A 40-character secret access key: base64 alphabet, mixed case, a digit or / or +, varied.
     *
     * @param bare no name says it is a secret (found next to a key ID), so be stricter about paths
     */
    static boolean secretKey(String v, boolean bare) {
        if (v.length() != 40 || v.contains("EXAMPLE")) return false;
        boolean upper = false, lower = false, other = false, hexOnly = true;
        int slashes = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 'A' && c <= 'Z') upper = true;
            else if (c >= 'a' && c <= 'z') lower = true;
            else if ((c >= '0' && c <= '9') || c == '+') other = true;
            else if (c == '/') {
                other = true;
                slashes++;
            } else return false;
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) hexOnly = false;
        }
        if (!upper || !lower || !other || hexOnly) return false;
        if (bare && slashes > 3) return false; // a path; about 1% of real keys hold "//", so that alone is no reason
        return distinct(v) >= 16 && longestRun(v) < 5;
    }

    static boolean sessionToken(String v) {
        if (v.length() < 100 || v.contains("EXAMPLE")) return false;
        boolean upper = false, lower = false, digit = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 'A' && c <= 'Z') upper = true;
            else if (c >= 'a' && c <= 'z') lower = true;
            else if (c >= '0' && c <= '9') digit = true;
        }
        return upper && lower && digit && distinct(v) >= 24 && longestRun(v) < 6;
    }

    /** Decodes %2F, %2B, %3D (URL-encoded secrets); anything else is returned unchanged. */
    static String urlDecode(String v) {
        if (v.indexOf('%') < 0) return v;
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length()) {
                String hex = v.substring(i + 1, i + 3).toUpperCase();
                switch (hex) {
                    case "2F" -> { b.append('/'); i += 2; continue; }
                    case "2B" -> { b.append('+'); i += 2; continue; }
                    case "3D" -> { b.append('='); i += 2; continue; }
                    default -> { }
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * The first run of at least {@code min} base64 characters within {@code limit} characters after
     * {@code from}, skipping PEM headers and line breaks; null when there is none.
     */
    static String base64Run(String text, int from, int limit, int min) {
        int end = Math.min(text.length(), from + limit);
        int runStart = -1;
        for (int i = from; i <= end; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            boolean b64 = SecretDetector.isAlnum(c) || c == '+' || c == '/' || c == '=';
            if (b64) {
                if (runStart < 0) runStart = i;
            } else {
                if (runStart >= 0 && i - runStart >= min) {
                    String run = text.substring(runStart, Math.min(i, runStart + 64));
                    if (distinct(run) >= 12) return run;
                }
                runStart = -1;
            }
        }
        return null;
    }

    static int distinct(String s) {
        boolean[] seen = new boolean[128];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && !seen[c]) {
                seen[c] = true;
                n++;
            }
        }
        return n;
    }

    static int longestRun(String s) {
        int best = 0, run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = i > 0 && s.charAt(i) == s.charAt(i - 1) ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }

    private static int longestAscending(String s) {
        int best = 1, run = 1;
        for (int i = 1; i < s.length(); i++) {
            run = s.charAt(i) == s.charAt(i - 1) + 1 ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }
}
