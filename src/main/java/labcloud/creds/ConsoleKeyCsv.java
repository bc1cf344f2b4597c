package labcloud.creds;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import labcloud.core.Redactor;
import labcloud.core.UsageException;

/**
 * Reads the access key CSVs the AWS console hands out: {@code accessKeys.csv}
 * ({@code Access key ID,Secret access key}) and the older {@code credentials.csv}
 * ({@code User name,Password,Access key ID,Secret access key,Console login link}), with or without
 * a byte-order mark, CRLF line ends, quoted fields and several rows.
 *
 * <p>Errors name the file, line and field, never a value: a CSV without a header might start with
 * the secret itself.
 */
public final class ConsoleKeyCsv {
    public static final String KEY_ID = "Access key ID";
    public static final String SECRET = "Secret access key";
    public static final String USER = "User name";

    /** One key in the file; userName is null for accessKeys.csv. */
    public record Row(int line, String userName, String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "Row[line=" + line + ", user=" + userName + ", key=" + Redactor.shortKeyId(accessKeyId) + "]";
        }
    }

    private ConsoleKeyCsv() {}

    public static List<Row> parse(Path file, byte[] bytes) {
        String name = file.toString();
        String text = decode(name, bytes);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        split(name, text, records, lineNumbers);
        if (records.isEmpty()) throw new UsageException(name + ": the file is empty (expected the console's accessKeys.csv)");

        List<String> header = records.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int keyCol = header.indexOf(KEY_ID.toLowerCase(Locale.ROOT));
        int secretCol = header.indexOf(SECRET.toLowerCase(Locale.ROOT));
        int userCol = header.indexOf(USER.toLowerCase(Locale.ROOT));
        if (keyCol < 0 && secretCol < 0) {
            throw new UsageException(name + " line 1: not an AWS console key file: the header has no '" + KEY_ID
                    + "' or '" + SECRET + "' column (expected accessKeys.csv or credentials.csv from the IAM console)");
        }
        if (keyCol < 0) throw new UsageException(name + " line 1: missing column '" + KEY_ID + "'");
        if (secretCol < 0) throw new UsageException(name + " line 1: missing column '" + SECRET + "'");

        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            int line = lineNumbers.get(r);
            if (rec.size() == 1 && rec.getFirst().isBlank()) continue;
            if (rec.size() != header.size()) {
                throw new UsageException(name + " line " + line + ": expected " + header.size() + " fields like the header, found "
                        + rec.size());
            }
            String keyId = rec.get(keyCol).strip();
            String secret = rec.get(secretCol).strip();
            String user = userCol >= 0 ? rec.get(userCol).strip() : null;
            // credentials.csv lists users without keys too (console password only): nothing to import there.
            if (userCol >= 0 && keyId.isEmpty() && secret.isEmpty()) continue;
            if (keyId.isEmpty()) throw new UsageException(name + " line " + line + ", field '" + KEY_ID + "': empty");
            if (secret.isEmpty()) throw new UsageException(name + " line " + line + ", field '" + SECRET + "': empty");
            if (!keyId.matches("[A-Z0-9]{16,128}")) {
                throw new UsageException(name + " line " + line + ", field '" + KEY_ID
                        + "': not an access key ID (expected 16-128 capital letters and digits, e.g. AKIA...)");
            }
            if (secret.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new UsageException(name + " line " + line + ", field '" + SECRET + "': contains spaces or control characters");
            }
            Redactor.register(secret);
            rows.add(new Row(line, user == null || user.isEmpty() ? null : user, keyId, secret));
        }
        if (rows.isEmpty()) throw new UsageException(name + ": no access keys below the header");
        return rows;
    }

    /** Picks the row to import: the only one, or the one whose user name (or key ID) is {@code user}. */
    public static Row choose(Path file, List<Row> rows, String user) {
        if (user != null) {
            List<Row> m = rows.stream().filter(r -> user.equals(r.userName()) || user.equals(r.accessKeyId())).toList();
            if (m.size() == 1) return m.getFirst();
            if (m.isEmpty()) throw new UsageException(file + ": no row for user '" + user + "' (the file has: " + describe(rows) + ")");
            throw new UsageException(file + ": user '" + user + "' has " + m.size() + " keys in the file ("
                    + describe(m) + "); pass the access key ID to --user instead");
        }
        if (rows.size() == 1) return rows.getFirst();
        throw new UsageException(file + " holds " + rows.size() + " keys (" + describe(rows)
                + "); choose one with --user NAME (or --user ACCESS_KEY_ID)");
    }

    private static String describe(List<Row> rows) {
        List<String> parts = new ArrayList<>();
        for (Row r : rows) {
            parts.add((r.userName() == null ? "" : r.userName() + " ") + Redactor.shortKeyId(r.accessKeyId()));
        }
        return String.join(", ", parts);
    }

    private static String decode(String name, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) throw new UsageException(name + ": binary file, not a CSV (expected the console's accessKeys.csv)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException(name + ": not a UTF-8 text file, not a CSV (expected the console's accessKeys.csv)");
        }
    }

    /** RFC 4180 records; quoted fields may hold commas, quotes ("") and line breaks. */
    private static void split(String name, String text, List<List<String>> records, List<Integer> lineNumbers) {
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                // CRLF: the \n ends the record
            } else if (c == '\n') {
                rec.add(field.toString());
                records.add(rec);
                lineNumbers.add(recordLine);
                rec = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) throw new UsageException(name + " line " + recordLine + ": unterminated quoted field");
        if (!field.isEmpty() || !rec.isEmpty()) {
            rec.add(field.toString());
            records.add(rec);
            lineNumbers.add(recordLine);
        }
    }
}
