package labcloud.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A strict pull reader of JSON in UTF-8 bytes, as much as reading a notebook needs: tokens, field
 * names, decoded strings with the line each starts on, and skipping a value without decoding it.
 *
 * <p>Why not Jackson's parser: its first use initialises {@code BigDecimal}, whose static powers of
 * five take about 20 ms of CPU on JDK 25, and the scanner meets a notebook in most lab trees and in
 * many commits. Anything that is not JSON (a bad escape, a control character in a string, a stray
 * byte, nesting deeper than {@link #MAX_DEPTH}, truncated input) is an {@link IOException}; the
 * caller then scans the file as plain text.
 */
final class JsonTokens {
    enum Token { START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, FIELD_NAME, STRING, SCALAR, END }

    /** Deeper nesting is refused: no notebook comes close, and a hostile file gets no further. */
    static final int MAX_DEPTH = 1000;

    /** Where the innermost container is: what may come next. */
    private enum State { FIRST, AFTER_COMMA, AFTER_NAME, AFTER_VALUE }

    private final byte[] b;
    private final int length;
    private int pos;
    private int line = 1;
    private Token current;
    private int tokenLine;
    private int tokenStart;
    private String name;
    private int stringStart, stringEnd; // the current string's raw bytes, between its quotes
    private boolean stringEscaped;
    /** Per open container, outermost first: true for an object. */
    private final boolean[] inObject = new boolean[MAX_DEPTH + 1];
    private int depth;
    private State state;

    JsonTokens(byte[] bytes, int length) {
        this.b = bytes;
        this.length = length;
    }

    Token current() {
        return current;
    }

    /** The field name, when the current token is {@link Token#FIELD_NAME}. */
    String name() {
        return name;
    }

    /** The line (1-based) on which the current token starts. */
    int line() {
        return tokenLine;
    }

    /** The byte offset at which the current token starts. */
    int start() {
        return tokenStart;
    }

    /** The byte offset just after the current token (after a skipped value: after all of it). */
    int end() {
        return pos;
    }

    /** The decoded text of the current {@link Token#STRING}. */
    String text() throws IOException {
        if (current != Token.STRING) throw new IllegalStateException("not a string");
        return decode(stringStart, stringEnd, stringEscaped);
    }

    Token next() throws IOException {
        skipBlanks();
        if (depth == 0 && current != null) { // the document's one value has been read
            if (pos < length) throw error("content after the end");
            return current = Token.END;
        }
        if (pos >= length) throw error("unexpected end");
        tokenLine = line;
        tokenStart = pos;
        if (depth == 0) return current = value();
        byte c = b[pos];
        boolean object = inObject[depth];
        if (c == (object ? '}' : ']')) {
            if (state == State.AFTER_COMMA || state == State.AFTER_NAME) throw error("value expected");
            pos++;
            depth--;
            state = State.AFTER_VALUE;
            return current = object ? Token.END_OBJECT : Token.END_ARRAY;
        }
        if (state == State.AFTER_VALUE) {
            if (c != ',') throw error("',' expected");
            pos++;
            state = State.AFTER_COMMA;
            skipBlanks();
            if (pos >= length) throw error("unexpected end");
            tokenLine = line;
            tokenStart = pos;
            c = b[pos];
        }
        if (object && state != State.AFTER_NAME) {
            if (c != '"') throw error("field name expected");
            readString();
            name = decode(stringStart, stringEnd, stringEscaped);
            skipBlanks();
            if (pos >= length || b[pos] != ':') throw error("':' expected");
            pos++;
            state = State.AFTER_NAME;
            return current = Token.FIELD_NAME;
        }
        return current = value();
    }

    private Token value() throws IOException {
        byte c = b[pos];
        if (c == '{' || c == '[') {
            if (depth == MAX_DEPTH) throw error("nested too deeply");
            pos++;
            inObject[++depth] = c == '{';
            state = State.FIRST;
            return c == '{' ? Token.START_OBJECT : Token.START_ARRAY;
        }
        if (c == '"') readString();
        else scalar();
        state = State.AFTER_VALUE;
        return c == '"' ? Token.STRING : Token.SCALAR;
    }

    /** Skips the current value's children: after a START token, to its matching END. */
    void skipChildren() throws IOException {
        if (current != Token.START_OBJECT && current != Token.START_ARRAY) return;
        int outside = depth - 1;
        while (depth > outside) next();
    }

    private void readString() throws IOException {
        int i = pos + 1;
        boolean escaped = false;
        while (true) {
            if (i >= length) throw error("unterminated string");
            byte c = b[i];
            if (c == '"') break;
            if (c == '\\') {
                escaped = true;
                i += 2;
                continue;
            }
            if (c >= 0 && c < 0x20) throw error("control character in a string");
            i++;
        }
        stringStart = pos + 1;
        stringEnd = i;
        stringEscaped = escaped;
        pos = i + 1;
    }

    private String decode(int from, int to, boolean escaped) throws IOException {
        if (!escaped) return new String(b, from, to - from, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(to - from);
        int run = from;
        for (int i = from; i < to; ) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            out.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            if (i + 1 >= to) throw error("bad escape");
            byte e = b[i + 1];
            i += 2;
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 > to) throw error("bad escape");
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(b[i + k], 16);
                        if (d < 0) throw error("bad escape");
                        v = v << 4 | d;
                    }
                    out.append((char) v);
                    i += 4;
                }
                default -> throw error("bad escape");
            }
            run = i;
        }
        return out.append(new String(b, run, to - run, StandardCharsets.UTF_8)).toString();
    }

    /** A number, true, false or null: checked for its shape, never converted. */
    private void scalar() throws IOException {
        byte c = b[pos];
        if (c == 't' || c == 'f' || c == 'n') {
            String word = c == 't' ? "true" : c == 'f' ? "false" : "null";
            for (int k = 0; k < word.length(); k++) {
                if (pos + k >= length || b[pos + k] != word.charAt(k)) throw error("unexpected character");
            }
            pos += word.length();
        } else {
            if (pos < length && b[pos] == '-') pos++;
            int digits = digits();
            if (digits == 0 || (digits > 1 && b[pos - digits] == '0')) throw error("bad number");
            if (pos < length && b[pos] == '.') {
                pos++;
                if (digits() == 0) throw error("bad number");
            }
            if (pos < length && (b[pos] == 'e' || b[pos] == 'E')) {
                pos++;
                if (pos < length && (b[pos] == '+' || b[pos] == '-')) pos++;
                if (digits() == 0) throw error("bad number");
            }
        }
        if (pos < length && !endsValue(b[pos])) throw error("unexpected character");
    }

    private int digits() {
        int start = pos;
        while (pos < length && b[pos] >= '0' && b[pos] <= '9') pos++;
        return pos - start;
    }

    private static boolean endsValue(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private void skipBlanks() {
        while (pos < length) {
            byte c = b[pos];
            if (c == '\n') line++;
            else if (c != ' ' && c != '\t' && c != '\r') return;
            pos++;
        }
    }

    private IOException error(String what) {
        return new IOException("not JSON: " + what + " at line " + line);
    }
}
