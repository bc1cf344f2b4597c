package labcloud.cli;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import labcloud.cli.output.Output;
import labcloud.cli.output.Table;
import labcloud.cost.BudgetStatus;
import labcloud.cost.CostRecords.DailyCost;
import labcloud.cost.CostRecords.Month;
import labcloud.cost.Reconciliation;
import labcloud.cost.Spend;

/** The text and CSV forms of a spend report: monthly spend, this month, reconciliation, unexplained lines, budgets. */
final class SpendTables {
    /** Unexplained lines the text report lists (the JSON has them all). */
    static final int MAX_UNEXPLAINED = 10;

    private SpendTables() {}

    /** Spend per group (rows) and month (columns), the current month last and marked as to date. */
    static Table monthly(Spend s, List<Month> months, String label, boolean cents) {
        Table t = new Table().left(label.toUpperCase(Locale.ROOT));
        for (Month m : months) t.right(m.month() + (m.start().equals(s.period().monthStart()) ? "*" : ""));
        Set<String> groups = new LinkedHashSet<>();
        // Largest spenders of the latest month first, then any that only spent earlier.
        List<Month> newestFirst = new ArrayList<>(months);
        java.util.Collections.reverse(newestFirst);
        for (Month m : newestFirst) {
            m.groups().entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).forEach(e -> groups.add(e.getKey()));
        }
        for (String g : groups) {
            List<Object> row = new ArrayList<>(List.of(g));
            months.forEach(m -> row.add(amount(m.groups().get(g), cents)));
            t.row(row.toArray());
        }
        List<Object> total = new ArrayList<>(List.of("total"));
        months.forEach(m -> total.add(amount(m.total(), cents)));
        t.total(total.toArray());
        return t;
    }

    static Table reconciliation(List<Reconciliation.Row> rows, String label) {
        Table t = new Table().left(label).right("ESTIMATE/MO").right("EST. TO DATE").right("ACTUAL MTD").right("FORECAST");
        for (Reconciliation.Row r : rows) {
            t.row(r.value(), r.estimate() == null ? "-" : money(r.estimate()), money(r.estimateToDate()), money(r.actual()),
                    r.forecast() == null ? "?" : money(r.forecast()));
        }
        return t;
    }

    static Table unexplained(List<Reconciliation.Unexplained> lines) {
        Table t = new Table().fixed("USAGE TYPE").right("MTD").left("STARTED BY (CLOUDTRAIL) OR LIKELY SOURCE");
        for (Reconciliation.Unexplained u : lines.subList(0, Math.min(lines.size(), MAX_UNEXPLAINED))) {
            t.row(u.usageType(), money(u.amount()), u.startedBy().isEmpty() ? "unknown" : String.join(", ", u.startedBy()));
        }
        return t;
    }

    static Table budgets(List<BudgetStatus> budgets) {
        Table t = new Table().left("BUDGET").left("PROJECT").right("LIMIT").right("ACTUAL").right("FORECAST").right("USED");
        for (BudgetStatus b : budgets) {
            t.row(b.name(), b.project() == null ? "-" : b.project(), money(b.limit()), money(b.actual()),
                    b.forecast() == null ? "?" : money(b.forecast()), b.percentUsed() == null ? "?" : String.format(Locale.ROOT, "%.0f%%", b.percentUsed()));
        }
        return t;
    }

    /** The whole text report. */
    static void print(Output out, Spend s) {
        String monthName = s.period().today().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + s.period().today().getYear();
        out.line(out.bold("Spend by " + s.by()) + " (USD; * = " + monthName + " to date)");
        out.table(monthly(s, s.monthly(), s.by(), false));
        out.line("");
        Spend.Forecast f = s.forecast();
        out.line(out.bold(monthName) + ": " + money(s.monthToDate()) + " spent to " + s.period().today());
        out.line(f.monthEnd() == null ? "  no forecast" : "  forecast for the month: " + money(f.monthEnd()) + " [" + f.source() + "]"
                + (f.low() != null && f.high() != null ? " (80%: " + money(f.low()) + " to " + money(f.high()) + ")" : ""));
        wrap(f.note()).forEach(l -> out.line("  " + l));
        daily(out, s.daily());
        out.line("");
        Reconciliation r = s.reconciliation();
        out.line(out.bold("Estimate (inventory) against actual (Cost Explorer) and forecast"));
        out.table(reconciliation(r.byProject(), "PROJECT"));
        out.line("");
        out.table(reconciliation(r.byOwner(), "OWNER"));
        out.line("");
        out.line(out.bold("Unexplained") + ": " + money(r.totals().unexplained()) + " this month on lines no inventoried resource explains");
        if (r.unexplained().isEmpty()) {
            out.line("  none");
        } else {
            out.table(unexplained(r.unexplained()));
            if (r.unexplained().size() > MAX_UNEXPLAINED) out.line("  and " + (r.unexplained().size() - MAX_UNEXPLAINED) + " more (--output json)");
        }
        out.line("");
        out.line(out.bold("Budgets"));
        if (s.budgets().isEmpty()) out.line("  none (labcloud budget set --project P --monthly USD)");
        else out.table(budgets(s.budgets()));
    }

    /** This month's days, six to a line. */
    private static void daily(Output out, List<DailyCost> days) {
        StringBuilder line = new StringBuilder("  daily:");
        int n = 0;
        for (DailyCost d : days) {
            if (n > 0 && n % 5 == 0) {
                out.line(line.toString().stripTrailing());
                line = new StringBuilder("        ");
            }
            line.append(String.format(Locale.ROOT, " %02d %-9s", d.date().getDayOfMonth(), money(d.amount())));
            n++;
        }
        if (n > 0) out.line(line.toString().stripTrailing());
    }

    /** Splits a note into lines of at most 76 characters at spaces. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : (text == null ? "" : text).split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > 76) {
                lines.add(line.toString());
                line = new StringBuilder();
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    static String money(double d) {
        return String.format(Locale.ROOT, "$%,.2f", d);
    }

    private static String amount(Double d, boolean cents) {
        if (d == null) return "-";
        return cents ? String.format(Locale.ROOT, "%.2f", d) : String.format(Locale.ROOT, "$%,.0f", d);
    }
}
