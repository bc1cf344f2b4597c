package labcloud.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import labcloud.scan.JsonTokens.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The notebook reader's JSON tokens, held to Jackson's parser on random documents, and hostile input. */
class JsonTokensTest {
    private static final JsonFactory JACKSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Random documents, compact and indented: the same tokens, names, texts and lines as Jackson's. */
    @Test
    void readsTheSameTokensAsJacksonOnRandomDocuments() throws IOException {
        Random r = new Random(11);
        for (int doc = 0; doc < 300; doc++) {
            Object tree = randomValue(r, 0);
            String json = r.nextBoolean() ? MAPPER.writeValueAsString(tree) : MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThat(ours(bytes)).as(json).isEqualTo(jackson(bytes));
        }
    }

    /** Escapes Jackson's writer never produces (slash, b, f, hex digits in either case) and surrogate pairs. */
    @Test
    void decodesEveryEscape() throws IOException {
        byte[] bytes = "[\"a\\/b\\b\\f\\n\\r\\t\\\"\\\\ \\u00e9\\u00E9 \\ud83d\\ude00 é\"]".getBytes(StandardCharsets.UTF_8);
        assertThat(ours(bytes)).isEqualTo(jackson(bytes));
        JsonTokens t = new JsonTokens(bytes, bytes.length);
        t.next();
        t.next();
        assertThat(t.text()).isEqualTo("a/b\b\f\n\r\t\"\\ éé \uD83D\uDE00 é");
    }

    @Test
    void skipChildrenLeavesTheReaderAfterTheValue() throws IOException {
        byte[] bytes = "{\"a\": {\"b\": [1, {\"c\": \"x\\\"]}\"}], \"d\": null}, \"e\": \"f\"}".getBytes(StandardCharsets.UTF_8);
        JsonTokens t = new JsonTokens(bytes, bytes.length);
        assertThat(t.next()).isEqualTo(Token.START_OBJECT);
        assertThat(t.next()).isEqualTo(Token.FIELD_NAME);
        assertThat(t.next()).isEqualTo(Token.START_OBJECT);
        t.skipChildren();
        assertThat(t.current()).isEqualTo(Token.END_OBJECT);
        assertThat(t.next()).isEqualTo(Token.FIELD_NAME);
        assertThat(t.name()).isEqualTo("e");
        assertThat(t.next()).isEqualTo(Token.STRING);
        assertThat(t.text()).isEqualTo("f");
        assertThat(t.next()).isEqualTo(Token.END_OBJECT);
        assertThat(t.next()).isEqualTo(Token.END);
    }

    /** What Jackson refuses, refused here too (the file is then scanned as text). */
    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,]", "{\"a\":1,}", "{\"a\"}", "{\"a\":}", "{,}", "[,1]", "[1 2]", "{\"a\" 1}",
            "{1:2}", "[\"a\nb\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u12g4\"]", "[01]", "[1.]", "[.5]", "[1e]", "[-]", "[+1]",
            "[tru]", "[nul]", "[True]", "[NaN]", "[1]x", "[\"abc]", "[\"abc\\\"]", "]", "[}", "{]", "[1]]", "'a'"})
    void refusesWhatIsNotJson(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> jackson(bytes)).as("Jackson refuses " + json).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ours(bytes)).as(json).isInstanceOf(IOException.class);
    }

    /** Jackson reads these as no value and as two values; a notebook is exactly one. */
    @ParameterizedTest
    @ValueSource(strings = {"", " \n ", "{} {}", "{}[]"})
    void refusesWhatIsNotExactlyOneValue(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ours(bytes)).as(json).isInstanceOf(IOException.class);
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() throws IOException {
        byte[] bytes = "[".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ours(bytes)).isInstanceOf(IOException.class).hasMessageContaining("nested too deeply");
        byte[] fine = ("[".repeat(JsonTokens.MAX_DEPTH) + "]".repeat(JsonTokens.MAX_DEPTH)).getBytes(StandardCharsets.US_ASCII);
        JsonTokens t = new JsonTokens(fine, fine.length);
        assertThat(t.next()).isEqualTo(Token.START_ARRAY);
    }

    @Test
    void onlyTheGivenLengthIsRead() throws IOException {
        byte[] bytes = "[\"a\"]garbage".getBytes(StandardCharsets.US_ASCII);
        assertThat(ours(bytes, 5)).containsExactly("START_ARRAY@1", "STRING@1=a", "END_ARRAY@1", "END");
    }

    private static List<String> ours(byte[] bytes) throws IOException {
        return ours(bytes, bytes.length);
    }

    private static List<String> ours(byte[] bytes, int length) throws IOException {
        List<String> out = new ArrayList<>();
        JsonTokens t = new JsonTokens(bytes, length);
        for (Token k = t.next(); ; k = t.next()) {
            switch (k) {
                case END -> {
                    out.add("END");
                    return out;
                }
                case FIELD_NAME -> out.add("FIELD_NAME@" + t.line() + "=" + t.name());
                case STRING -> out.add("STRING@" + t.line() + "=" + t.text());
                default -> out.add(k + "@" + t.line());
            }
        }
    }

    private static List<String> jackson(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JACKSON.createParser(bytes)) {
            for (JsonToken k = p.nextToken(); k != null; k = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                switch (k) {
                    case FIELD_NAME -> out.add("FIELD_NAME@" + line + "=" + p.currentName());
                    case VALUE_STRING -> out.add("STRING@" + line + "=" + p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> out.add("SCALAR@" + line);
                    default -> out.add(k + "@" + line);
                }
            }
        }
        out.add("END");
        return out;
    }

    private static Object randomValue(Random r, int depth) {
        int kind = depth > 5 ? 2 + r.nextInt(4) : r.nextInt(6);
        switch (kind) {
            case 0 -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                for (int i = r.nextInt(5); i > 0; i--) o.putPOJO(randomString(r), randomValue(r, depth + 1));
                return o;
            }
            case 1 -> {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                for (int i = r.nextInt(5); i > 0; i--) a.addPOJO(randomValue(r, depth + 1));
                return a;
            }
            case 2, 3 -> {
                return randomString(r);
            }
            case 4 -> {
                return switch (r.nextInt(5)) {
                    case 0 -> r.nextInt();
                    case 1 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
                    case 2 -> -r.nextLong();
                    case 3 -> 0;
                    default -> new java.math.BigInteger(200, r);
                };
            }
            default -> {
                return switch (r.nextInt(3)) {
                    case 0 -> true;
                    case 1 -> false;
                    default -> JsonNodeFactory.instance.nullNode();
                };
            }
        }
    }

    /** ASCII, quotes, backslashes, control characters, Latin-1, CJK and characters beyond the BMP. */
    private static String randomString(Random r) {
        String alphabet = "abcXYZ019 _-\"\\/\n\t\r\u0001\u001féüß–漢字";
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            if (r.nextInt(20) == 0) b.appendCodePoint(0x1F600 + r.nextInt(50));
            else b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
