package labcloud.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Jupyter notebook as JSON, streaming: each cell's source and its text outputs with JSON
 * escapes decoded (so {@code \"AKIA...\"} is seen as a quoted key), remembering which file line
 * each piece came from. Images and other binary outputs are skipped without being read into text.
 */
final class NotebookReader {
    private static final JsonFactory JSON = new JsonFactory();

    /** One scannable text of a cell: its source, or one of its text outputs. */
    record CellText(int cell, boolean output, String text, int[] chunkStartLines, int[] chunkFileLines) {
        /** The notebook file's line for a line of this text (1-based both). */
        int fileLine(int textLine) {
            int best = 0;
            for (int i = 0; i < chunkStartLines.length && chunkStartLines[i] <= textLine; i++) best = i;
            if (chunkStartLines.length == 0) return 1;
            return chunkFileLines[best];
        }
    }

    static List<CellText> read(byte[] bytes, int length) throws IOException {
        List<CellText> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(bytes, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("cells")) readCells(p, out, new int[] {0});
                else if (name.equals("worksheets") && p.currentToken() == JsonToken.START_ARRAY) {
                    int[] counter = {0};
                    while (p.nextToken() == JsonToken.START_OBJECT) { // nbformat 3
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            p.nextToken();
                            if (f.equals("cells")) readCells(p, out, counter);
                            else p.skipChildren();
                        }
                    }
                } else p.skipChildren();
            }
        }
        return out;
    }

    private static void readCells(JsonParser p, List<CellText> out, int[] counter) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int cell = ++counter[0];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "source", "input" -> addText(p, cell, false, out);
                    case "outputs" -> readOutputs(p, cell, out);
                    default -> p.skipChildren();
                }
            }
        }
    }

    private static void readOutputs(JsonParser p, int cell, List<CellText> out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("text") || f.equals("traceback")) addText(p, cell, true, out);
                else if (f.equals("data") && p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String mime = p.currentName();
                        p.nextToken();
                        // text/plain, text/html, application/json...: text. image/png, application/pdf: base64, skipped.
                        if (mime.startsWith("text/") || mime.endsWith("json") || mime.endsWith("javascript")) {
                            if (p.currentToken() == JsonToken.START_OBJECT) p.skipChildren();
                            else addText(p, cell, true, out);
                        } else p.skipChildren();
                    }
                } else p.skipChildren();
            }
        }
    }

    /** A string, or an array of strings (one per line, as Jupyter writes them). */
    private static void addText(JsonParser p, int cell, boolean output, List<CellText> out) throws IOException {
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<Integer> fileLines = new ArrayList<>();
        int line = 1;
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            starts.add(line);
            fileLines.add(p.currentTokenLocation().getLineNr());
            text.append(p.getText());
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    p.skipChildren();
                    continue;
                }
                String s = p.getText();
                starts.add(line);
                fileLines.add(p.currentTokenLocation().getLineNr());
                text.append(s);
                for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) line++;
            }
        } else {
            p.skipChildren();
            return;
        }
        if (text.isEmpty()) return;
        out.add(new CellText(cell, output, text.toString(),
                starts.stream().mapToInt(Integer::intValue).toArray(), fileLines.stream().mapToInt(Integer::intValue).toArray()));
    }
}
