package labcloud.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans one file's content: decides whether it is a notebook, text or binary, runs the detector,
 * places matches (line, notebook cell) and adds findings for credentials files, known by name
 * (console CSVs, .s3cfg, ~/.aws/credentials) or by content (AWS credentials INI under any name).
 */
final class ContentScanner {
    /** Bytes examined for NUL bytes to recognise binary files, as git does. */
    static final int BINARY_SNIFF = 8000;
    /** Why a binary file is not scanned. */
    static final String BINARY = "binary";
    private static final Pattern INI_SECTION = Pattern.compile("(?m)^[ \\t]*\\[[^\\]\\n]{1,200}\\][ \\t]*\\r?$");
    private static final Pattern INI_KEY_ID = Pattern.compile("(?mi)^[ \\t]*aws_access_key_id[ \\t]*=[ \\t]*\\S");
    private static final Pattern INI_SECRET = Pattern.compile("(?mi)^[ \\t]*aws_secret_access_key[ \\t]*=[ \\t]*\\S");
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile("[=,:]\\s*\"?([A-Za-z0-9/+]{16,})");

    private final SecretDetector detector = new SecretDetector();
    private final long maxBytes;

    ContentScanner(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** What scanning one file produced. {@code skipped} is non-null when the file was not scanned. */
    record Result(List<Finding> findings, List<KeyPair> pairs, Skipped skipped) {
        static Result skip(String path, String reason) {
            return new Result(List.of(), List.of(), new Skipped(path, reason));
        }
    }

    long maxBytes() {
        return maxBytes;
    }

    Result scan(String path, byte[] bytes) {
        return scan(path, bytes, bytes.length);
    }

    /** Scans the first {@code length} bytes of {@code bytes} (a reusable read buffer). */
    Result scan(String path, byte[] bytes, int length) {
        if (length > maxBytes) return Result.skip(path, "too large (" + length + " bytes)");
        List<Finding> findings = new ArrayList<>();
        List<KeyPair> pairs = new ArrayList<>();
        boolean binary = isBinary(bytes, length);
        if (isNotebook(path)) {
            if (!binary && !SecretDetector.mayContainSecrets(bytes, length)) return new Result(findings, pairs, null); // nothing to parse for
            if (scanNotebook(path, bytes, length, findings, pairs)) return new Result(findings, pairs, null);
        }
        if (binary) return Result.skip(path, BINARY);
        // Most files hold no trigger, and are never made into text.
        SecretDetector.Triggers triggers = SecretDetector.Triggers.in(bytes, length);
        if (triggers.none() && !isCredentialsFileName(path)) return new Result(findings, pairs, null);
        // Latin-1 maps each byte to one char: no decoding cost, and offsets stay byte offsets.
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        boolean namesSecretKey = addTextFindings(path, text, triggers, findings, pairs);
        if (findings.isEmpty() && (isCredentialsFileName(path) || (namesSecretKey && isAwsCredentialsIni(text)))
                && hasCredentialValues(text)) {
            findings.add(new Finding(Rule.AWS_CREDENTIALS_FILE, path, 1, 1, null, null, false, null,
                    fileName(path), Fingerprints.of(Rule.AWS_CREDENTIALS_FILE, path, text), null));
        }
        return new Result(findings, pairs, null);
    }

    /**
     * Returns false when the file is not valid notebook JSON, so that it is scanned as text instead.
     * Cells are scanned decoded and reported by cell; the rest of the file except binary outputs
     * (metadata, widget state, JSON outputs) is scanned as written, as a text file would be.
     */
    private boolean scanNotebook(String path, byte[] bytes, int length, List<Finding> findings, List<KeyPair> pairs) {
        NotebookReader.Notebook nb;
        try {
            nb = NotebookReader.read(bytes, length);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        for (NotebookReader.CellText c : nb.cells()) {
            List<Match> matches = detector.scan(c.text());
            int first = findings.size();
            for (Match m : matches) findings.add(finding(path, m, c.fileLine(m.line()), c.cell(), m.line(), c.output()));
            pair(matches, findings, first, pairs);
        }
        // Most notebooks have nothing outside their cells that the pre-filter stops at.
        if (!nb.restMayContainSecrets(bytes, length)) return true;
        byte[] rest = nb.rest(bytes, length);
        addTextFindings(path, new String(rest, 0, length, StandardCharsets.ISO_8859_1), SecretDetector.Triggers.in(rest, length),
                findings, pairs);
        return true;
    }

    /**
     * Findings in a text as written (not a notebook's cell), at their lines of the file, key IDs
     * paired with secrets, at the triggers found in its bytes. Returns whether the text names
     * aws_secret_access_key, which an AWS credentials file must.
     */
    private boolean addTextFindings(String path, String text, SecretDetector.Triggers triggers, List<Finding> findings,
            List<KeyPair> pairs) {
        SecretDetector.Scanned scanned = detector.scan(text, triggers);
        List<Match> matches = scanned.matches();
        int first = findings.size();
        for (Match m : matches) findings.add(finding(path, m, m.line(), null, null, false));
        pair(matches, findings, first, pairs);
        return scanned.namesAwsSecretKey();
    }

    private static Finding finding(String path, Match m, int line, Integer cell, Integer cellLine, boolean output) {
        return new Finding(m.rule(), path, line, m.column(), cell, cellLine, output, null, m.shown(),
                Fingerprints.of(m.rule(), path, m.secret()), null);
    }

    /** Pairs each key ID with the closest secret within three lines, for --verify. */
    private static void pair(List<Match> matches, List<Finding> findings, int firstFinding, List<KeyPair> pairs) {
        for (int i = 0; i < matches.size(); i++) {
            Match key = matches.get(i);
            if (key.rule() != Rule.AWS_ACCESS_KEY_ID) continue;
            Match best = null;
            for (Match s : matches) {
                if (s.rule() != Rule.AWS_SECRET_ACCESS_KEY) continue;
                int d = Math.abs(s.line() - key.line());
                if (d <= 3 && (best == null || d < Math.abs(best.line() - key.line()))) best = s;
            }
            if (best != null) pairs.add(new KeyPair(findings.get(firstFinding + i), key.secret(), best.secret()));
        }
    }

    static boolean isNotebook(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }

    static boolean isBinary(byte[] bytes, int length) {
        int n = Math.min(length, BINARY_SNIFF);
        for (int i = 0; i < n; i++) if (bytes[i] == 0) return true;
        return false;
    }

    static boolean isCredentialsFileName(String path) {
        String p = path.replace('\\', '/');
        String name = fileName(p).toLowerCase(Locale.ROOT);
        return name.equals("credentials.csv") || name.endsWith("accesskeys.csv") || name.equals("rootkey.csv")
                || name.equals(".s3cfg") || p.endsWith(".aws/credentials");
    }

    /**
     * An AWS shared credentials file whatever its name ({@code credentials}, {@code .credentials},
     * a copy in a project): a [section] and both key names, each with a value.
     */
    static boolean isAwsCredentialsIni(String text) {
        // The key ID's name must be there: a search for it rules out nearly every file before the
        // line-anchored patterns, which try every position (on a tree of Python sources, where
        // "token" and "secret" are common words, those patterns were half the scan's CPU). A scan
        // asks only when the detector saw the secret key's name, from its triggers: searching the
        // text for that name as well was a fifth of it.
        return containsIgnoringCase(text, "aws_access_key_id")
                && INI_SECTION.matcher(text).find() && INI_KEY_ID.matcher(text).find() && INI_SECRET.matcher(text).find();
    }

    /**
     * Whether text holds {@code word} (lower-case ASCII, an underscore at index 3) in any case. The
     * search goes from underscore to underscore with String.indexOf, which the JVM has compiled
     * long before a scan starts; a loop of our own ran interpreted for most of a tree.
     */
    private static boolean containsIgnoringCase(String text, String word) {
        for (int u = text.indexOf('_', 3); u >= 0; u = text.indexOf('_', u + 1)) {
            if (text.regionMatches(true, u - 3, word, 0, word.length())) return true;
        }
        return false;
    }

    private static boolean hasCredentialValues(String text) {
        Matcher m = CREDENTIAL_VALUE.matcher(text);
        while (m.find()) {
            String v = m.group(1);
            if (!v.contains("EXAMPLE") && Plausibility.longestRun(v) < 4 && Plausibility.distinct(v) >= 8) return true;
        }
        return false;
    }

    static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
