package labcloud.cli;

import java.time.Clock;
import labcloud.app.Lab;
import labcloud.app.SpendReport;
import labcloud.cli.output.Format;
import labcloud.cli.output.Output;
import labcloud.core.Environment;
import labcloud.cost.CostDimension;
import labcloud.cost.CostSettings;
import labcloud.cost.Spend;
import labcloud.inventory.Inventory;

/** The spend part of `labcloud demo`: the seeded bill by Project, reconciled with the demo's inventory. */
final class DemoSpendReport {
    private DemoSpendReport() {}

    /** Makes the report (saved in the demo's store for the dashboard); prints it for text output. */
    static Spend print(Output out, Lab lab, Environment env, Inventory inv) {
        long t0 = System.nanoTime();
        Spend s = SpendReport.run(lab, new SpendReport.Options(CostDimension.PROJECT,
                labcloud.demo.DemoSpend.MONTHS, false, CostSettings.load(env), lab.regions(), lab.deepBucketSizes(),
                Clock.systemUTC()), out.progress("cost"), inv);
        if (out.format() == Format.JSON) return s;
        out.line("");
        SpendTables.print(out, s);
        out.line(String.format(java.util.Locale.ROOT, "(%d paid Cost Explorer requests, %d answers from the store; %.1f s)",
                s.requests().paid(), s.requests().cached(), (System.nanoTime() - t0) / 1e9));
        s.warnings().forEach(out::warn);
        out.line("On your account: labcloud cost --by project   (and labcloud budget set --project P --monthly USD)");
        return s;
    }
}
