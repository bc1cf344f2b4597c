package labcloud.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {
    @Test
    void plainTreesAreWrittenExactlyAsJacksonWritesThem() {
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("rule", "aws-secret-access-key");
        finding.put("path", "notebooks/\"quoted\" \\ back\\slash.ipynb");
        finding.put("line", 12);
        finding.put("bytes", 5_000_000_000L);
        finding.put("cell", null);
        finding.put("cellOutput", Boolean.TRUE);
        finding.put("match", "tab\there, new\nline, cr\r, bell\u0007, nul\u0000, bs\b, ff\f, del\u007f, é ü 日本 \u2028 😀");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("target", "/tmp/x");
        doc.put("findings", List.of(finding, Map.of("only", "one")));
        doc.put("empty", new LinkedHashMap<>());
        doc.put("none", List.of());
        doc.put("nested", List.of(List.of(1, 2), List.of(), List.of(Map.of()), Arrays.asList("a", null)));
        doc.put("deep", Map.of("a", Map.of("b", Map.of("c", List.of(Map.of("d", (short) 3, "e", (byte) 4))))));

        for (Object value : List.of(doc, List.of(), Map.of(), "just a string", 42, new ArrayList<>(List.of(doc, doc)))) {
            assertThat(PrettyJson.of(value)).isEqualTo(Json.pretty(value));
        }
    }

    @Test
    void anythingElseIsLeftToJackson() {
        record Row(String name, double cost, Instant at) {}
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rows", List.of(new Row("a", 1.5, Instant.parse("2026-01-02T03:04:05Z"))));
        doc.put("ratio", 0.25);
        assertThat(PrettyJson.of(doc)).isEqualTo(Json.pretty(doc)).contains("\"at\" : \"2026-01-02T03:04:05Z\"");
        Map<Object, Object> numericKeys = new LinkedHashMap<>();
        numericKeys.put(7, "seven");
        assertThat(PrettyJson.of(numericKeys)).isEqualTo(Json.pretty(numericKeys));
    }
}
