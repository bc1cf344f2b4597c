package labcloud.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcloud.core.Redactor;

/**
 * Finds AWS credentials and private keys in text.
 *
 * <p>Speed comes from never running a regex over the whole text: one pass over the characters
 * stops only at a few anchor characters chosen to be rare in code and data (hex digests have none
 * of them), checks the literal trigger around each, and the precise patterns run only in a small
 * window around a trigger. Text is usually a Latin-1 view of the file's bytes, so positions are
 * byte offsets and nothing is decoded.
 */
final class SecretDetector {
    /** A line containing this marker is never reported. */
    static final String ALLOW_MARKER = "labcloud:allow";

    /** Per ASCII character, what the trigger pass checks when it meets it (0: nothing). */
    private static final byte[] ANCHOR = new byte[128];
    private static final byte KEY_ID = 1, SECRET_LOWER = 2, SECRET_UPPER = 3, TOKEN_LOWER = 4, TOKEN_UPPER = 5, PEM = 6, PUTTY = 7;

    static {
        ANCHOR['A'] = KEY_ID;
        ANCHOR['r'] = SECRET_LOWER; // the r of "ecret"
        ANCHOR['R'] = SECRET_UPPER;
        ANCHOR['k'] = TOKEN_LOWER; // the k of "oken"
        ANCHOR['K'] = TOKEN_UPPER;
        ANCHOR['-'] = PEM;
        ANCHOR['Y'] = PUTTY; // the Y of "PuTTY"
    }
    private static final String PEM_TRIGGER = "-----BEGIN ";
    private static final String PUTTY_TRIGGER = "PuTTY-User-Key-File-";

    /**
     * Between a name and its value: {@code = : := => ( ,} (code, INI, YAML, JSON), {@code >} (an XML
     * element named for the secret), {@code value=} (an XML or properties entry whose key attribute
     * is the name), or {@code </name> <value>} (Hadoop's core-site.xml, value on the next line).
     */
    private static final String SEPARATOR = "(?:</name>\\s*<value>|[\"'\\]]{0,2}\\s*(?:value\\s*)?(?::=|=>|[:=(,>])\\s*(?:[rbuf]?[\"'])?)";
    /** The name of a secret key followed by blanks only: command lines and space-separated configs. */
    private static final String SPACED = "secret[_.-]?(?:access[_.-]?)?key[\"']?[ \\t]+[\"']?";
    /** A 40-character value after a name containing "secret" (aws_secret_access_key, SECRET_KEY, SecretAccessKey...). */
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)[a-z0-9_.-]{0,40}(?:secret[a-z0-9_.-]{0,40}" + SEPARATOR + "|" + SPACED + ")"
                    + "([A-Za-z0-9/+%]{40,120}+)(?![A-Za-z0-9/+=%])");
    private static final Pattern NAMED_TOKEN = Pattern.compile(
            "(?i)[a-z0-9_.-]{0,40}(?:session|security)[_.-]?token[a-z0-9_.-]{0,40}" + SEPARATOR
                    + "([A-Za-z0-9/+=%]{100,8000}+)(?![A-Za-z0-9/+=%])");
    /** A bare 40-character token, considered only next to an access key ID (console CSV rows, SDK calls). */
    private static final Pattern BARE_SECRET = Pattern.compile(
            "(?<![A-Za-z0-9/+=%])([A-Za-z0-9/+%]{40,120}+)(?![A-Za-z0-9/+=%])");
    private static final Pattern PEM_HEADER = Pattern.compile(
            "-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?)PRIVATE KEY-----");
    private static final Pattern PUTTY_HEADER = Pattern.compile("PuTTY-User-Key-File-[23]: *([A-Za-z0-9@.-]{1,40})");

    private static final int WINDOW_BEFORE = 128;
    private static final int WINDOW_AFTER = 1024;
    private static final int TOKEN_WINDOW_AFTER = 8192;

    /** Scans text and returns its findings in order of position, without lines marked {@value #ALLOW_MARKER}. */
    List<Match> scan(String text) {
        byte[] ascii = new byte[text.length()];
        for (int i = 0; i < ascii.length; i++) {
            char c = text.charAt(i);
            ascii[i] = c < 128 ? (byte) c : (byte) 0x80; // not ASCII stays not ASCII: no trigger holds such a byte
        }
        return scan(text, Triggers.in(ascii, ascii.length)).matches();
    }

    /** What {@link #scan(String, Triggers)} found, and whether the text names aws_secret_access_key. */
    record Scanned(List<Match> matches, boolean namesAwsSecretKey) { }

    /**
     * Finds the secrets at the triggers of a text, found in its Latin-1 bytes ({@link Triggers#in}).
     * Also tells whether {@code aws_secret_access_key} is there in any case whose "ecret" is a
     * trigger (all lower or all upper case), for the credentials-file check.
     */
    Scanned scan(String text, Triggers triggers) {
        Scan s = new Scan(text, triggers);
        return new Scanned(s.findAll(), s.namesAwsSecretKey());
    }

    private static final String AWS_SECRET_KEY_NAME = "aws_secret_access_key";

    /**
     * Whether raw bytes hold any trigger at all: the same anchor pass as {@link #scan}, on the bytes
     * themselves, so that the great majority of files (with no trigger) are never turned into text.
     * A key ID prefix counts only with an ID-shaped body, so random base64 (notebook images) rarely
     * passes. Conservative for JSON: escapes never hide a trigger, as they are written only for
     * quotes, backslashes and control characters.
     */
    static boolean mayContainSecrets(byte[] b, int length) {
        return mayContainSecrets(b, 0, length);
    }

    /** {@link #mayContainSecrets(byte[], int)} for the bytes in [from, to) alone. */
    static boolean mayContainSecrets(byte[] b, int from, int to) {
        // Every trigger is at least four bytes long, so one of its first three positions is a
        // multiple of three, and the pair of bytes there is one of the pairs the triggers' first four
        // bytes hold: looking that pair up at every third position misses no trigger. Numbers hold
        // no such pair, hex digests and base64 about one in a hundred positions, prose a few; a pair
        // found sends the bytes around it to the byte-by-byte check. This pass runs over every byte
        // of a tree: on C1, 100 MB of bench/scan's tree took 0.59 CPU-s byte by byte and 0.20 eight
        // bytes at a time with bit tricks. By pairs, a first pass (as a scan makes it) took 0.19
        // CPU-s with a bit set, 0.13 with a byte table (one load, where the bit set took a load, a
        // shift and a mask), and 0.08 reading four pairs a round and testing them together (a byte
        // that is not ASCII, or a pair in the table), one by one only when that test passes
        // (medians of 10 to 14 JVMs).
        for (int p = nextPairHit(b, from, to); p >= 0; p = nextPairHit(b, p + 3, to)) {
            if (triggerIn(b, Math.max(from, p - 2), Math.min(to, p + 5), to)) return true;
        }
        return false;
    }

    /**
     * The first of p, p + 3, p + 6... (below {@code to - 1}) where the pair of bytes is one that a
     * trigger starts with, or -1. The pass of {@link #mayContainSecrets} and of a scan's triggers.
     */
    private static int nextPairHit(byte[] b, int p, int to) {
        byte[] pairs = TRIGGER_PAIRS;
        while (true) {
            for (; p + 10 < to; p += 12) {
                int w = b[p] << 7 | b[p + 1], x = b[p + 3] << 7 | b[p + 4], y = b[p + 6] << 7 | b[p + 7], z = b[p + 9] << 7 | b[p + 10];
                // a pair is negative when either byte is not ASCII (no trigger has one)
                if ((w | x | y | z) < 0 || (pairs[w] | pairs[x] | pairs[y] | pairs[z]) != 0) break;
            }
            // this round's four pairs one by one, or the last pairs of the range
            for (int end = p + 12; p < end; p += 3) {
                if (p + 1 >= to) return -1;
                int pair = b[p] << 7 | b[p + 1];
                if (pair >= 0 && pairs[pair] != 0) return p;
            }
        }
    }

    /**
     * Entry {@code c1 * 128 + c2} is 1 when a trigger holds the ASCII pair c1 c2 among its first four
     * bytes. A trigger found at p starts at p - 2 to p, and its anchor byte is at most four bytes in.
     */
    private static final byte[] TRIGGER_PAIRS = new byte[128 * 128];

    static {
        List<String> triggers = new ArrayList<>(List.of("AKIA", "ASIA", "ABIA", "ACCA", "ecret", "ECRET", "oken", "OKEN",
                PEM_TRIGGER, PUTTY_TRIGGER));
        for (char c = '0'; c <= 'Z'; c++) if (c <= '9' || c >= 'A') triggers.add("A3T" + c); // then a letter or digit
        for (String t : triggers) {
            for (int k = 0; k < 3; k++) {
                TRIGGER_PAIRS[t.charAt(k) << 7 | t.charAt(k + 1)] = 1;
            }
        }
    }

    /** The anchor checks for the bytes in [from, to); a trigger may run on to {@code length}. */
    private static boolean triggerIn(byte[] b, int from, int to, int length) {
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= 0 && ANCHOR[c] != 0 && triggerStart(b, i, length, ANCHOR[c]) >= 0) return true;
        }
        return false;
    }

    /**
     * Where the trigger whose anchor (of the given kind) is at {@code i} starts, or -1 when there is
     * none. A key ID prefix counts only with an ID-shaped body.
     */
    private static int triggerStart(byte[] b, int i, int length, byte anchor) {
        return switch (anchor) {
            case KEY_ID -> keyIdShaped(b, i, length) ? i : -1;
            case SECRET_LOWER -> i >= 2 && has(b, i - 2, length, "ecret") ? i - 2 : -1;
            case SECRET_UPPER -> i >= 2 && has(b, i - 2, length, "ECRET") ? i - 2 : -1;
            case TOKEN_LOWER -> i >= 1 && has(b, i - 1, length, "oken") ? i - 1 : -1;
            case TOKEN_UPPER -> i >= 1 && has(b, i - 1, length, "OKEN") ? i - 1 : -1;
            case PEM -> has(b, i, length, PEM_TRIGGER) ? i : -1;
            case PUTTY -> i >= 4 && has(b, i - 4, length, PUTTY_TRIGGER) ? i - 4 : -1;
            default -> -1;
        };
    }

    /**
     * Where each literal trigger occurs in a text, one list per kind of anchor, in text order: the
     * one pass over every byte of a text that may hold a secret. It skips through the bytes as the
     * pre-filter does, a pair at every third byte, and checks the anchors only in the few bytes
     * around a pair a trigger starts with. On a tree of Python sources and documentation, where
     * "token" and "secret" are common words and most of the text passes the pre-filter, stopping
     * at every character was a third of the scan's CPU.
     */
    static final class Triggers {
        private final Positions[] byAnchor = new Positions[PUTTY + 1];

        private Triggers() {
            for (int k = 1; k < byAnchor.length; k++) byAnchor[k] = new Positions();
        }

        /** The triggers in the first {@code length} bytes of {@code b}, a text's bytes as Latin-1. */
        static Triggers in(byte[] b, int length) {
            Triggers t = new Triggers();
            int checked = 0; // bytes below this were checked: windows overlap, triggers are recorded once
            for (int p = nextPairHit(b, 0, length); p >= 0; p = nextPairHit(b, p + 3, length)) {
                int to = Math.min(length, p + 5);
                for (int i = Math.max(checked, p - 2); i < to; i++) {
                    int c = b[i];
                    if (c < 0 || ANCHOR[c] == 0) continue;
                    int start = triggerStart(b, i, length, ANCHOR[c]);
                    if (start >= 0) t.byAnchor[ANCHOR[c]].add(start);
                }
                checked = to;
            }
            return t;
        }

        boolean none() {
            for (int k = 1; k < byAnchor.length; k++) if (byAnchor[k].size > 0) return false;
            return true;
        }

        private Positions of(byte anchor) {
            return byAnchor[anchor];
        }
    }

    private static boolean has(byte[] b, int at, int length, String literal) {
        if (at + literal.length() > length) return false;
        for (int k = 0; k < literal.length(); k++) if (b[at + k] != literal.charAt(k)) return false;
        return true;
    }

    /** A key ID prefix at {@code i} followed by a 16-character base32 body and no further letter or digit. */
    private static boolean keyIdShaped(byte[] b, int i, int length) {
        boolean a3t = has(b, i, length, "A3T");
        if (!a3t && !has(b, i, length, "AKIA") && !has(b, i, length, "ASIA") && !has(b, i, length, "ABIA")
                && !has(b, i, length, "ACCA")) return false;
        if (a3t && !(i + 3 < length && (isUpper(b[i + 3]) || isDigit(b[i + 3])))) return false;
        int end = i + 20;
        if (end > length) return false;
        for (int k = i + 4; k < end; k++) if (!isUpper(b[k]) && !(b[k] >= '2' && b[k] <= '7')) return false;
        return end == length || !isAlnum((char) (b[end] & 0xff));
    }

    private static boolean isUpper(byte c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static final class Scan {
        final String text;
        final List<Match> found = new ArrayList<>();
        final Set<Long> seen = new HashSet<>();
        final List<Integer> keyIdPositions = new ArrayList<>();
        final Positions keyIdCandidates;
        final Positions[] secretTriggers;
        final Positions[] tokenTriggers;
        final Positions pemTriggers;
        final Positions puttyTriggers;
        LineIndex lines;

        Scan(String text, Triggers t) {
            this.text = text;
            keyIdCandidates = t.of(KEY_ID);
            secretTriggers = new Positions[] {t.of(SECRET_LOWER), t.of(SECRET_UPPER)};
            tokenTriggers = new Positions[] {t.of(TOKEN_LOWER), t.of(TOKEN_UPPER)};
            pemTriggers = t.of(PEM);
            puttyTriggers = t.of(PUTTY);
        }

        /** Runs the patterns at the triggers found; the findings in order of position. */
        List<Match> findAll() {
            keyIds();
            named(secretTriggers, NAMED_SECRET, WINDOW_AFTER, Rule.AWS_SECRET_ACCESS_KEY);
            named(tokenTriggers, NAMED_TOKEN, TOKEN_WINDOW_AFTER, Rule.AWS_SESSION_TOKEN);
            secretsNextToKeyIds();
            privateKeys();
            puttyKeys();
            found.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
            return found;
        }

        boolean namesAwsSecretKey() {
            for (Positions trigger : secretTriggers) {
                for (int k = 0; k < trigger.size; k++) {
                    if (text.regionMatches(true, trigger.at[k] - 5, AWS_SECRET_KEY_NAME, 0, AWS_SECRET_KEY_NAME.length())) return true;
                }
            }
            return false;
        }

        LineIndex lines() {
            if (lines == null) lines = new LineIndex(text);
            return lines;
        }

        void add(Rule rule, int pos, String secret, String shown) {
            if (!seen.add(((long) rule.ordinal() << 40) | pos)) return;
            LineIndex li = lines();
            int line = li.lineOf(pos);
            if (li.lineText(text, line).contains(ALLOW_MARKER)) return;
            found.add(new Match(rule, line, pos - li.start(line) + 1, secret, shown));
        }

        void keyIds() {
            for (int k = 0; k < keyIdCandidates.size; k++) {
                int i = keyIdCandidates.at[k];
                keyIdAt(i, text.charAt(i + 1) == '3');
            }
        }

        private void keyIdAt(int i, boolean a3t) {
            if (i > 0 && isAlnum(text.charAt(i - 1))) return;
            int bodyStart = i + 4;
            if (a3t) {
                if (i + 3 >= text.length()) return;
                char c = text.charAt(i + 3);
                if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) return;
            }
            int end = bodyStart + 16;
            if (end > text.length() || (end < text.length() && isAlnum(text.charAt(end)))) return;
            String body = text.substring(bodyStart, end);
            if (!isBase32(body) || !Plausibility.keyIdBody(body)) return;
            if (insideBase64Blob(i, end)) return;
            String keyId = text.substring(i, end);
            keyIdPositions.add(i);
            add(Rule.AWS_ACCESS_KEY_ID, i, keyId, Redactor.shortKeyId(keyId));
        }

        /**
         * The named patterns, in a window around each trigger that could start one: the word before
         * the trigger must complete the pattern's name, and a run of value characters as long as the
         * pattern's shortest value must follow. In source code "token" and "secret" are common words
         * with no value after them, and the pattern tried at every position of their windows took
         * more CPU than the rest of the scan.
         */
        void named(Positions[] triggers, Pattern pattern, int after, Rule rule) {
            boolean token = rule == Rule.AWS_SESSION_TOKEN;
            for (Positions trigger : triggers) {
                int lastLineEnd = -1;
                for (int k = 0; k < trigger.size; k++) {
                    int i = trigger.at[k];
                    if (i < lastLineEnd) continue; // this line's window was already searched
                    if (!(token ? sessionTokenName(i) : secretName(i))) continue;
                    int from = Math.max(lineStart(i), i - WINDOW_BEFORE);
                    int end = lineEnd(i);
                    int to = Math.min(end < text.length() ? lineEnd(end + 1) : end, i + after);
                    if (!valueRun(i, to, token ? 100 : 40, token)) continue;
                    Matcher m = pattern.matcher(text).region(from, to).useTransparentBounds(true);
                    while (m.find()) {
                        String value = Plausibility.urlDecode(m.group(1));
                        boolean ok = rule == Rule.AWS_SESSION_TOKEN ? Plausibility.sessionToken(value)
                                : Plausibility.secretKey(value, false);
                        if (ok) add(rule, m.start(1), value, Redactor.MASK);
                    }
                    lastLineEnd = end;
                }
            }
        }

        /** "secret" (NAMED_SECRET's name) for the trigger "ecret" at i. */
        private boolean secretName(int i) {
            return i >= 1 && (text.charAt(i - 1) | 0x20) == 's';
        }

        /** "session" or "security", then one of "_.-" or nothing, then "t": NAMED_TOKEN's name for the trigger "oken" at i. */
        private boolean sessionTokenName(int i) {
            if (i < 1 || (text.charAt(i - 1) | 0x20) != 't') return false;
            int j = i - 1;
            if (j >= 1 && "_.-".indexOf(text.charAt(j - 1)) >= 0) j--;
            return text.regionMatches(true, j - 7, "session", 0, 7) || text.regionMatches(true, j - 8, "security", 0, 8);
        }

        /** Whether [from, to) holds {@code min} value characters in a row ({@code =} among them for tokens). */
        private boolean valueRun(int from, int to, int min, boolean withEquals) {
            int run = 0;
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if (isAlnum(c) || c == '/' || c == '+' || c == '%' || (withEquals && c == '=')) {
                    if (++run >= min) return true;
                } else {
                    run = 0;
                }
            }
            return false;
        }

        /** A key ID's secret is usually on the same line (CSV row, SDK call) or one of the next two. */
        void secretsNextToKeyIds() {
            for (int pos : keyIdPositions) {
                int from = lineStart(pos);
                int to = from;
                for (int n = 0; n < 3 && to < text.length(); n++) to = lineEnd(to) + 1;
                to = Math.min(to, text.length());
                Matcher m = BARE_SECRET.matcher(text).region(from, Math.min(to, from + 4 * WINDOW_AFTER)).useTransparentBounds(true);
                while (m.find()) {
                    String value = Plausibility.urlDecode(m.group(1));
                    if (urlPath(m.start(1), value)) continue;
                    if (Plausibility.secretKey(value, true)) add(Rule.AWS_SECRET_ACCESS_KEY, m.start(1), value, Redactor.MASK);
                }
            }
        }

        /** "//host/path" right after a scheme's colon is a URL, not a secret that happens to hold "//". */
        private boolean urlPath(int start, String value) {
            return value.startsWith("//") && start > 0 && text.charAt(start - 1) == ':';
        }

        void privateKeys() {
            for (int k = 0; k < pemTriggers.size; k++) {
                int i = pemTriggers.at[k];
                Matcher m = PEM_HEADER.matcher(text).region(i, Math.min(text.length(), i + 64));
                if (!m.lookingAt()) continue;
                String body = Plausibility.base64Run(text, m.end(), 400, 40);
                if (body == null) continue; // a header in documentation, without a key under it
                // Not "-----BEGIN ...": the output redactor would take that for a key block and mask the rest.
                add(Rule.PRIVATE_KEY, i, body, "BEGIN " + m.group(1) + "PRIVATE KEY " + Redactor.MASK);
            }
        }

        void puttyKeys() {
            for (int k = 0; k < puttyTriggers.size; k++) {
                int i = puttyTriggers.at[k];
                Matcher m = PUTTY_HEADER.matcher(text).region(i, Math.min(text.length(), i + 80));
                if (!m.lookingAt()) continue;
                int priv = text.indexOf("Private-Lines:", m.end());
                String body = priv < 0 ? null : Plausibility.base64Run(text, priv + 14, 200, 40);
                if (body == null) continue;
                add(Rule.PUTTY_PRIVATE_KEY, i, body, "PuTTY-User-Key-File " + m.group(1) + " " + Redactor.MASK);
            }
        }

        /** An ID-shaped run inside a long base64 blob (an embedded image, a certificate) is chance, not a key. */
        boolean insideBase64Blob(int start, int end) {
            boolean glued = (start > 0 && isBase64Symbol(text.charAt(start - 1)))
                    || (end < text.length() && isBase64Symbol(text.charAt(end)));
            if (!glued) return false;
            int from = start, to = end;
            while (from > 0 && from > start - 64 && isBase64Char(text.charAt(from - 1))) from--;
            while (to < text.length() && to < end + 64 && isBase64Char(text.charAt(to))) to++;
            return to - from >= 64;
        }

        int lineStart(int pos) {
            int nl = text.lastIndexOf('\n', pos - 1);
            return nl + 1;
        }

        int lineEnd(int pos) {
            int nl = text.indexOf('\n', pos);
            return nl < 0 ? text.length() : nl;
        }
    }

    /** A growable list of text positions. */
    private static final class Positions {
        int[] at = new int[8];
        int size;

        void add(int pos) {
            if (size == at.length) at = java.util.Arrays.copyOf(at, size * 2);
            at[size++] = pos;
        }
    }

    static boolean isAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isBase64Symbol(char c) {
        return c == '+' || c == '/';
    }

    private static boolean isBase64Char(char c) {
        return isAlnum(c) || c == '+' || c == '/' || c == '=';
    }

    private static boolean isBase32(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) return false;
        }
        return true;
    }
}
