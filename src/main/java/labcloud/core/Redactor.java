package labcloud.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secret values from any text before it reaches a terminal, a log or a report.
 *
 * <p>Two layers: values labcloud knows are secret (registered when credentials are read) are
 * replaced wherever they occur, and anything that looks like a secret by its shape (a value after
 * a secret-like name, a private key block) is masked even if it was never registered.
 */
public final class Redactor {
    public static final String MASK = "****";

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)((?:aws_secret_access_key|secret_access_key|secretaccesskey|aws_session_token|session_token"
                    + "|sessiontoken|secret[_-]?key|password|x-amz-security-token)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "([^\\s\"',;&}]{8,})");
    /**
     * A private key: from its BEGIN marker to its END marker on the same line (escaped in JSON), or
     * the rest of the BEGIN line plus the key-body lines under it (base64, PEM headers) and their
     * END line. A BEGIN marker with no key under it (a file named after one) masks only its own line.
     */
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?:[^\\n]*?-----END [A-Z0-9 ]*PRIVATE KEY-----"
                    + "|[^\\n]*(?:\\r?\\n[ \\t]*(?:[A-Za-z0-9+/]{16,}={0,2}|(?:Proc-Type|DEK-Info|Comment):[^\\n]*|)[ \\t]*\\r?(?=\\n))*"
                    + "(?:\\r?\\n[ \\t]*[A-Za-z0-9+/=]{1,100}[ \\t]*(?=\\r?\\n[ \\t]*-----END ))?"
                    + "(?:\\r?\\n[ \\t]*-----END [A-Z0-9 ]*PRIVATE KEY-----)?)");
    private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    private static final Pattern PEM_BODY_LINE = Pattern.compile(
            "[ \\t]*(?:[A-Za-z0-9+/]{16,}={0,2}|(?:Proc-Type|DEK-Info|Comment):.*|)[ \\t]*\\r?\\n?");
    private static final Pattern PEM_SHORT_LINE = Pattern.compile("[ \\t]*[A-Za-z0-9+/=]{1,100}[ \\t]*\\r?\\n?");
    private static final Pattern KEY_ID = Pattern.compile("\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b");

    private Redactor() {}

    /** Remember a secret value so that it is masked wherever it appears later. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 8) KNOWN.add(secret);
    }

    /** Masks secrets (registered values, named secrets, private keys); leaves access key IDs alone. */
    public static String secrets(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String s : KNOWN) {
            if (out.contains(s)) out = out.replace(s, MASK);
        }
        if (out.indexOf("PRIVATE KEY-----") >= 0) {
            Matcher pem = PEM_BLOCK.matcher(out);
            if (pem.find()) out = replaceEach(pem, "-----BEGIN ", 1, "PRIVATE KEY----- " + MASK);
        }
        Matcher m = NAMED_SECRET.matcher(out);
        if (mayNameSecret(out) && m.find()) out = replaceEach(m, "", 1, MASK);
        return out;
    }

    /**
     * Whether text holds a K or a W in either case, as every name NAMED_SECRET knows does ("key",
     * "token", "password"). One pass over the characters, where the pattern's case-blind
     * alternatives were tried at every position of every line printed (on a scan's JSON report of
     * 3,000 skipped files, most of the time spent writing it out).
     */
    private static boolean mayNameSecret(String text) {
        for (int i = 0; i < text.length(); i++) {
            int c = text.charAt(i) | 0x20;
            if (c == 'k' || c == 'w') return true;
        }
        return false;
    }

    /** A line that opens a private key whose END marker is not on the same line. */
    public static boolean opensPrivateKey(String line) {
        Matcher m = PEM_BEGIN.matcher(line);
        return m.find() && line.indexOf("-----END ", m.end()) < 0;
    }

    /** A line that closes a private key. */
    public static boolean closesPrivateKey(String line) {
        int end = line.indexOf("-----END ");
        return end >= 0 && line.indexOf("PRIVATE KEY-----", end) >= 0;
    }

    /** A line of a key's body: base64 of at least 16 characters, a PEM header, or blank. */
    public static boolean privateKeyBodyLine(String line) {
        return PEM_BODY_LINE.matcher(line).matches();
    }

    /** A short base64 line: a key's last body line if its END marker follows, otherwise ordinary text. */
    public static boolean shortBase64Line(String line) {
        return PEM_SHORT_LINE.matcher(line).matches();
    }

    /** Masks secrets and shortens access key IDs; for logs, error messages and exceptions. */
    public static String all(String text) {
        String out = secrets(text);
        if (out == null) return null;
        if (!out.contains("AKIA") && !out.contains("ASIA") && !out.contains("ABIA") && !out.contains("ACCA")) return out;
        Matcher m = KEY_ID.matcher(out);
        if (!m.find()) return out;
        StringBuilder b = new StringBuilder(out.length());
        do {
            m.appendReplacement(b, "");
            b.append(shortKeyId(m.group(1)));
        } while (m.find());
        return m.appendTail(b).toString();
    }

    /**
     * Replaces the match {@code m} has found and every later one with {@code before}, the match's
     * {@code group} and {@code after}, all literal. A loop rather than a lambda: output printed only
     * when something is masked would otherwise have the JDK spin the lambda's class right then,
     * unless the start-up cache was trained on a run that masked something.
     */
    private static String replaceEach(Matcher m, String before, int group, String after) {
        StringBuilder b = new StringBuilder();
        do {
            m.appendReplacement(b, "");
            b.append(before).append(m.group(group)).append(after);
        } while (m.find());
        return m.appendTail(b).toString();
    }

    /** AWS's documented example key id becomes {@code AKIA…MPLE}: enough to recognise, not to use. */
    public static String shortKeyId(String keyId) {
        if (keyId == null) return null;
        if (keyId.length() <= 8) return keyId;
        return keyId.substring(0, 4) + "…" + keyId.substring(keyId.length() - 4);
    }
}
