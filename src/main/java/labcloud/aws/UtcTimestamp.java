package labcloud.aws;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the timestamps S3 listings carry ({@code 2026-12-07T19:13:22.000Z}) without
 * {@link java.time.format.DateTimeFormatter}, whose parsing was a tenth of a re-sync's listing
 * work; anything in another form goes to {@link Instant#parse}, which also gives the errors.
 */
final class UtcTimestamp {
    private UtcTimestamp() {}

    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') return Instant.parse(s);
        int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
        int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 > 9) return Instant.parse(s);
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) return Instant.parse(s);
            nanos = fraction;
            for (int k = n - 21; k < 9; k++) nanos *= 10;
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Instant.parse(s);
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return Instant.parse(s); // the 30th of February and the like: its own message
        }
    }

    /** The decimal number in s[from, to), or -1 if any character there is not a digit. */
    private static int digits(String s, int from, int to) {
        if (from >= to) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
