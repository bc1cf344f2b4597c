package labcloud.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into plain values that remember their line, so that validation errors can
 * point at the line of the offending field (Jackson's tree model forgets locations).
 */
public final class LocatedYaml {
    /** A value (Map of Node, List of Node, String, Number, Boolean or null) and where it starts. */
    public record Node(Object value, int line) {}

    /** YAML syntax errors carry the parser's line. */
    public static final class SyntaxError extends Exception {
        public final int line;

        SyntaxError(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private static final YAMLFactory YAML = new YAMLFactory();

    private LocatedYaml() {}

    /** The node's mapping, or the error a loader reports when the document has something else there. */
    @SuppressWarnings("unchecked")
    public static Map<String, Node> map(String source, Node node, String where) {
        if (node.value() instanceof Map<?, ?> m) return (Map<String, Node>) m;
        throw error(source, node, where, "expected a mapping of names to values, got " + shown(node.value()));
    }

    /** A value as an error message names it: a kind for collections, else the value quoted. */
    public static String shown(Object v) {
        if (v == null) return "nothing";
        if (v instanceof Map<?, ?>) return "a mapping";
        if (v instanceof List<?>) return "a list";
        return "'" + v + "'";
    }

    /** The one-line bad-input error naming the file, the line of the node and the field ("policy.yaml:7: rules.x: ..."). */
    public static UsageException error(String source, Node node, String field, String message) {
        return new UsageException(source + ":" + node.line() + ": " + field + ": " + message);
    }

    public static Node parse(String text) throws SyntaxError {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return new Node(null, 1);
            Node n = read(p);
            if (p.nextToken() != null) throw new SyntaxError("more than one YAML document", p.currentTokenLocation().getLineNr());
            return n;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SyntaxError("YAML syntax error: " + e.getOriginalMessage().lines().findFirst().orElse("").trim(), line);
        } catch (IOException e) {
            throw new SyntaxError("cannot read: " + e.getMessage(), 0);
        }
    }

    private static Node read(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int fieldLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    Node v = read(p);
                    m.put(name, new Node(v.value(), fieldLine)); // errors point at the field's own line
                }
                return new Node(m, line);
            }
            case START_ARRAY -> {
                List<Node> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(read(p));
                return new Node(l, line);
            }
            case VALUE_STRING -> {
                return new Node(p.getText(), line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(p.getNumberValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(p.getBooleanValue(), line);
            }
            default -> {
                return new Node(null, line);
            }
        }
    }
}
