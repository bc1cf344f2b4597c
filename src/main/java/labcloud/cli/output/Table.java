package labcloud.cli.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table to render: named columns, rows of cells, optional section headings and total rows.
 * The same model renders as an aligned text table or as CSV.
 */
public final class Table {
    public enum Align { LEFT, RIGHT }

    public record Column(String name, Align align, boolean shrinkable) {}

    /** A row is either cells, a section heading (text table only) or a total line. */
    public record Row(List<String> cells, String heading, boolean total) {}

    private final List<Column> columns = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    public Table left(String name) {
        columns.add(new Column(name, Align.LEFT, true));
        return this;
    }

    /** A left-aligned column that is never truncated (identifiers). */
    public Table fixed(String name) {
        columns.add(new Column(name, Align.LEFT, false));
        return this;
    }

    public Table right(String name) {
        columns.add(new Column(name, Align.RIGHT, false));
        return this;
    }

    public Table row(Object... cells) {
        rows.add(new Row(cellsOf(cells), null, false));
        return this;
    }

    public Table total(Object... cells) {
        rows.add(new Row(cellsOf(cells), null, true));
        return this;
    }

    public Table heading(String text) {
        rows.add(new Row(List.of(), text, false));
        return this;
    }

    private List<String> cellsOf(Object[] cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns.size() + " columns");
        }
        List<String> out = new ArrayList<>(cells.length);
        for (Object c : cells) out.add(c == null ? "" : String.valueOf(c));
        return out;
    }

    public List<Column> columns() {
        return Collections.unmodifiableList(columns);
    }

    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    public boolean isEmpty() {
        return rows.stream().noneMatch(r -> r.heading() == null);
    }
}
