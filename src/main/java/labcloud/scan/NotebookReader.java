package labcloud.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import labcloud.scan.JsonTokens.Token;

/**
 * Reads a Jupyter notebook as JSON, streaming: each cell's source and its text outputs with JSON
 * escapes decoded (so {@code \"AKIA...\"} is seen as a quoted key), remembering which file line
 * each piece came from. Images and other binary outputs are skipped without being read into text.
 * The byte spans of both are kept, so that the rest of the file (metadata, widget state, JSON
 * outputs) can be scanned as it is written.
 */
final class NotebookReader {
    /** A notebook's texts, and the byte spans [from, to) they and its binary outputs take in the file. */
    record Notebook(List<CellText> cells, int[] spans, int spanCount) {
        /** Whether the bytes outside the spans may hold a secret: the pre-filter over each gap. */
        boolean restMayContainSecrets(byte[] bytes, int length) {
            int at = 0;
            for (int i = 0; i < spanCount; i += 2) {
                if (SecretDetector.mayContainSecrets(bytes, at, spans[i])) return true;
                at = spans[i + 1];
            }
            return SecretDetector.mayContainSecrets(bytes, at, length);
        }

        /**
         * A copy of the file with the spans blanked out, their line breaks kept (an array of a
         * cell's lines has them between its strings), so that lines and columns stay the file's.
         */
        byte[] rest(byte[] bytes, int length) {
            byte[] copy = java.util.Arrays.copyOf(bytes, length);
            for (int i = 0; i < spanCount; i += 2) {
                for (int k = spans[i]; k < spans[i + 1]; k++) if (copy[k] != '\n') copy[k] = ' ';
            }
            return copy;
        }
    }

    private final JsonTokens p;
    private final List<CellText> out = new ArrayList<>();
    private int[] spans = new int[16];
    private int spanCount;

    private NotebookReader(byte[] bytes, int length) {
        this.p = new JsonTokens(bytes, length);
    }

    private void span(int from, int to) {
        if (spanCount == spans.length) spans = java.util.Arrays.copyOf(spans, spanCount * 2);
        spans[spanCount++] = from;
        spans[spanCount++] = to;
    }

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

    static Notebook read(byte[] bytes, int length) throws IOException {
        NotebookReader r = new NotebookReader(bytes, length);
        r.readNotebook();
        return new Notebook(r.out, r.spans, r.spanCount);
    }

    private void readNotebook() throws IOException {
        if (p.next() != Token.START_OBJECT) throw new IOException("not a JSON object");
        while (p.next() == Token.FIELD_NAME) {
            String name = p.name();
            p.next();
            if (name.equals("cells")) readCells(new int[] {0});
            else if (name.equals("worksheets") && p.current() == Token.START_ARRAY) {
                int[] counter = {0};
                while (p.next() == Token.START_OBJECT) { // nbformat 3
                    while (p.next() == Token.FIELD_NAME) {
                        String f = p.name();
                        p.next();
                        if (f.equals("cells")) readCells(counter);
                        else p.skipChildren();
                    }
                }
            } else p.skipChildren();
        }
        // A value of an unexpected kind (a cell that is not an object, say) ends a loop above early;
        // the reading is then out of step with the nesting and cannot end on the notebook's own
        // closing brace. Such a file is scanned as text instead: nothing in it is left unread.
        if (p.current() != Token.END_OBJECT || p.next() != Token.END) throw new IOException("not a notebook");
    }

    private void readCells(int[] counter) throws IOException {
        if (p.current() != Token.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.next() == Token.START_OBJECT) {
            int cell = ++counter[0];
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                switch (f) {
                    case "source", "input" -> addText(cell, false);
                    case "outputs" -> readOutputs(cell);
                    default -> p.skipChildren();
                }
            }
        }
    }

    private void readOutputs(int cell) throws IOException {
        if (p.current() != Token.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.next() == Token.START_OBJECT) {
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                if (f.equals("text") || f.equals("traceback")) addText(cell, true);
                else if (f.equals("data") && p.current() == Token.START_OBJECT) {
                    while (p.next() == Token.FIELD_NAME) {
                        String mime = p.name();
                        p.next();
                        // text/plain, text/html, application/json...: text. image/png, application/pdf: base64, skipped.
                        if (mime.startsWith("text/") || mime.endsWith("json") || mime.endsWith("javascript")) {
                            if (p.current() == Token.START_OBJECT) p.skipChildren();
                            else addText(cell, true);
                        } else {
                            int from = p.start();
                            p.skipChildren();
                            span(from, p.end());
                        }
                    }
                } else p.skipChildren();
            }
        }
    }

    /** A string, or an array of strings (one per line, as Jupyter writes them). */
    private void addText(int cell, boolean output) throws IOException {
        int from = p.start();
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<Integer> fileLines = new ArrayList<>();
        int line = 1;
        if (p.current() == Token.STRING) {
            starts.add(line);
            fileLines.add(p.line());
            text.append(p.text());
        } else if (p.current() == Token.START_ARRAY) {
            while (p.next() != Token.END_ARRAY) {
                if (p.current() != Token.STRING) {
                    p.skipChildren();
                    continue;
                }
                String s = p.text();
                starts.add(line);
                fileLines.add(p.line());
                text.append(s);
                for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) line++;
            }
        } else {
            p.skipChildren();
            return;
        }
        span(from, p.end());
        if (text.isEmpty()) return;
        out.add(new CellText(cell, output, text.toString(), ints(starts), ints(fileLines)));
    }

    private static int[] ints(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) a[i] = list.get(i);
        return a;
    }
}
