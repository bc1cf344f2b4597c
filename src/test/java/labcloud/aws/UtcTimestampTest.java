package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcTimestampTest {
    @Test
    void readsWhatInstantParseReads() {
        List<String> forms = List.of("2026-12-07T19:13:22.000Z", "2026-12-07T19:13:22Z", "2024-02-29T00:00:00.5Z",
                "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2026-01-05T08:09:10.123456Z", "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.9Z", "2016-12-31T23:59:60Z", "+12026-01-01T00:00:00Z", "2026-12-07T19:13:22+00:00",
                "2026-12-07T24:00:00Z", "2026-12-07T19:13:22.Z");
        for (String s : forms) assertThat(UtcTimestamp.parse(s)).as(s).isEqualTo(Instant.parse(s));
        Random r = new Random(5);
        for (int i = 0; i < 2000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(-2_000_000_000L, 8_000_000_000L), r.nextInt(1_000_000_000));
            String s = t.toString();
            assertThat(UtcTimestamp.parse(s)).as(s).isEqualTo(t);
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String s : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-07T19:61:00Z",
                "2026-12-07T19:13:22.1234567890Z", "2026-12-07 19:13:22Z", "2026-1a-07T19:13:22Z",
                "2026-12-07T19:13:22", "", "yesterday")) {
            assertThatThrownBy(() -> UtcTimestamp.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }
}
