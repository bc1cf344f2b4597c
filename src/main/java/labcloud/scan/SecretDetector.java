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
 * <p>Speed comes from never running a regex over the whole text: a few literal prefixes are
 * located with {@link String#indexOf} (vectorised by the JVM), and the precise patterns run only
 * in a small window around each hit. Text is usually a Latin-1 view of the file's bytes, so
 * positions are byte offsets and nothing is decoded.
 */
final class SecretDetector {
    /** A line containing this marker is never reported. */
    static final String ALLOW_MARKER = "labcloud:allow";

    private static final String[] KEY_ID_PREFIXES = {"AKIA", "ASIA", "ABIA", "ACCA", "A3T"}; // for mayContainSecrets
    private static final String[] SECRET_TRIGGERS = {"ecret", "ECRET"};
    private static final String[] TOKEN_TRIGGERS = {"oken", "OKEN"};
    private static final String PEM_TRIGGER = "-----BEGIN ";
    private static final String PUTTY_TRIGGER = "PuTTY-User-Key-File-";

    private static final String SEPARATOR = "[\"'\\]]{0,2}\\s*(?::=|=>|[:=(,])\\s*(?:[rbuf]?[\"'])?";
    /** A 40-character value after a name containing "secret" (aws_secret_access_key, SECRET_KEY, SecretAccessKey...). */
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)[a-z0-9_.-]{0,40}secret[a-z0-9_.-]{0,40}" + SEPARATOR + "([A-Za-z0-9/+%]{40,120}+)(?![A-Za-z0-9/+=%])");
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
        Scan s = new Scan(text);
        s.keyIds();
        s.named(SECRET_TRIGGERS, NAMED_SECRET, WINDOW_AFTER, Rule.AWS_SECRET_ACCESS_KEY);
        s.named(TOKEN_TRIGGERS, NAMED_TOKEN, TOKEN_WINDOW_AFTER, Rule.AWS_SESSION_TOKEN);
        s.secretsNextToKeyIds();
        s.privateKeys();
        s.puttyKeys();
        s.found.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return s.found;
    }

    /** Cheap test used by callers that only need to know whether a text could hold anything at all. */
    static boolean mayContainSecrets(String text) {
        for (String p : KEY_ID_PREFIXES) if (text.contains(p)) return true;
        for (String p : SECRET_TRIGGERS) if (text.contains(p)) return true;
        for (String p : TOKEN_TRIGGERS) if (text.contains(p)) return true;
        return text.contains(PEM_TRIGGER) || text.contains(PUTTY_TRIGGER);
    }

    private static final class Scan {
        final String text;
        final List<Match> found = new ArrayList<>();
        final Set<Long> seen = new HashSet<>();
        final List<Integer> keyIdPositions = new ArrayList<>();
        LineIndex lines;

        Scan(String text) {
            this.text = text;
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
            // AKIA, ASIA and ABIA share "IA": one pass finds all three.
            for (int j = text.indexOf("IA", 2); j >= 0; j = text.indexOf("IA", j + 1)) {
                int i = j - 2;
                if (text.charAt(i) == 'A') {
                    char c = text.charAt(i + 1);
                    if (c == 'K' || c == 'S' || c == 'B') keyIdAt(i, false);
                }
            }
            for (int i = text.indexOf("ACCA"); i >= 0; i = text.indexOf("ACCA", i + 1)) keyIdAt(i, false);
            for (int i = text.indexOf("A3T"); i >= 0; i = text.indexOf("A3T", i + 1)) keyIdAt(i, true);
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

        void named(String[] triggers, Pattern pattern, int after, Rule rule) {
            for (String trigger : triggers) {
                int lastLineEnd = -1;
                for (int i = text.indexOf(trigger); i >= 0; i = text.indexOf(trigger, i + 1)) {
                    if (i < lastLineEnd) continue; // this line's window was already searched
                    int from = Math.max(lineStart(i), i - WINDOW_BEFORE);
                    int to = Math.min(lineEnd(i), i + after);
                    Matcher m = pattern.matcher(text).region(from, to).useTransparentBounds(true);
                    while (m.find()) {
                        String value = Plausibility.urlDecode(m.group(1));
                        boolean ok = rule == Rule.AWS_SESSION_TOKEN ? Plausibility.sessionToken(value)
                                : Plausibility.secretKey(value, false);
                        if (ok) add(rule, m.start(1), value, Redactor.MASK);
                    }
                    lastLineEnd = to;
                }
            }
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
                    if (Plausibility.secretKey(value, true)) add(Rule.AWS_SECRET_ACCESS_KEY, m.start(1), value, Redactor.MASK);
                }
            }
        }

        void privateKeys() {
            for (int i = text.indexOf(PEM_TRIGGER); i >= 0; i = text.indexOf(PEM_TRIGGER, i + 1)) {
                Matcher m = PEM_HEADER.matcher(text).region(i, Math.min(text.length(), i + 64));
                if (!m.lookingAt()) continue;
                String body = Plausibility.base64Run(text, m.end(), 400, 40);
                if (body == null) continue; // a header in documentation, without a key under it
                // Not "-----BEGIN ...": the output redactor would take that for a key block and mask the rest.
                add(Rule.PRIVATE_KEY, i, body, "BEGIN " + m.group(1) + "PRIVATE KEY " + Redactor.MASK);
            }
        }

        void puttyKeys() {
            for (int i = text.indexOf(PUTTY_TRIGGER); i >= 0; i = text.indexOf(PUTTY_TRIGGER, i + 1)) {
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
