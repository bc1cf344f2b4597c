package labcloud.cli.output;

import java.io.PrintStream;
import labcloud.core.PrettyJson;
import labcloud.core.ProgressListener;

/**
 * Where commands send results and messages. Results go to stdout in the chosen format; messages,
 * warnings and progress go to stderr, and progress only on a terminal and without --quiet.
 */
public final class Output {
    private final Format format;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;
    private final boolean color;
    private final boolean terminal;
    private final int width;

    public Output(Format format, PrintStream out, PrintStream err, boolean quiet, boolean color, boolean terminal, int width) {
        this.format = format;
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.color = color;
        this.terminal = terminal;
        this.width = width;
    }

    public Format format() {
        return format;
    }

    public PrintStream stdout() {
        return out;
    }

    public PrintStream stderr() {
        return err;
    }

    public boolean isTerminal() {
        return terminal;
    }

    public boolean quiet() {
        return quiet;
    }

    public int width() {
        return width;
    }

    /** Prints a result: the JSON document for --output json, the table otherwise. */
    public void result(Object json, Table table) {
        switch (format) {
            case JSON -> out.println(PrettyJson.of(json));
            case CSV -> out.print(CsvRenderer.render(table));
            case TABLE -> out.print(TableRenderer.render(table, width));
        }
        out.flush();
    }

    public void table(Table table) {
        out.print(format == Format.CSV ? CsvRenderer.render(table) : TableRenderer.render(table, width));
    }

    public void json(Object value) {
        out.println(PrettyJson.of(value));
    }

    /** A plain line of the result (text output only). */
    public void line(String text) {
        out.println(text);
    }

    public void info(String message) {
        if (!quiet) err.println(message);
    }

    public void warn(String message) {
        err.println((color ? "\u001b[33mwarning:\u001b[0m " : "warning: ") + message);
    }

    public String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    public String red(String s) {
        return color ? "\u001b[31m" + s + "\u001b[0m" : s;
    }

    /** A progress line on the terminal, redrawn in place; a no-op in pipes and with --quiet. */
    public ProgressListener progress(String label) {
        if (quiet || !terminal) return ProgressListener.NONE;
        return new TerminalProgress(err, label);
    }
}
