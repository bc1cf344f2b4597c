package labcloud.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import labcloud.app.SpendReport;
import labcloud.cli.convert.RegionsConverter;
import labcloud.core.ExitCode;
import labcloud.cost.CostDimension;
import labcloud.cost.CostSettings;
import labcloud.cost.Spend;
import labcloud.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cost", description = "What the lab actually pays (Cost Explorer) by project, owner, service, region, account "
        + "or task; the month's forecast; the inventory's estimate against it and the spend nothing inventoried explains.")
public final class CostCommand extends BaseCommand {
    @Option(names = "--by", paramLabel = "project|owner|service|region|account|task", description = "group spend by (default project)")
    String by = "project";

    @Option(names = "--months", paramLabel = "N", description = "calendar months of history, this one included (1-12, default 6)")
    int months = 6;

    @Option(names = "--refresh", description = "ask Cost Explorer again even where the store holds a recent answer ($0.01 a request)")
    boolean refresh;

    @Option(names = "--max-age", paramLabel = "DURATION", description = "reuse stored Cost Explorer answers younger than this "
            + "(default cost.cacheMaxAge in ~/.labcloud/config.yaml, else 6h)")
    String maxAge;

    @Option(names = "--regions", paramLabel = "all|r1,r2", converter = RegionsConverter.class, description = "regions whose inventory is compared (default all enabled)")
    String regions = "all";

    @Override
    protected int run() {
        CostDimension dimension = CostDimension.parse(by);
        CostSettings settings = CostSettings.load(env());
        if (maxAge != null) settings = settings.withMaxAge(CostSettings.duration("--max-age", maxAge));
        if (months < 1 || months > 12) throw new labcloud.core.UsageException("--months " + months + ": expected 1 to 12");
        List<String> regionList = account().regions(regions);
        Spend s = account().spend(Store.open(env()), new SpendReport.Options(dimension, months, refresh, settings, regionList,
                false, Clock.systemUTC()), out().progress("cost"));
        switch (out().format()) {
            case JSON -> out().json(s);
            case CSV -> out().table(SpendTables.monthly(s, s.monthly(), s.by(), true));
            case TABLE -> SpendTables.print(out(), s);
        }
        Spend.Requests r = s.requests();
        out().info(r.paid() + " paid Cost Explorer requests ($" + String.format(java.util.Locale.ROOT, "%.2f", r.cost()) + "), "
                + r.cached() + " answers reused from the store" + (r.cached() > 0 && r.oldestAnswer() != null
                ? " (oldest fetched " + r.oldestAnswer().truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + ", reused for up to "
                + describe(settings.cacheMaxAge()) + "; --refresh to ask again)" : ""));
        s.warnings().forEach(w -> out().warn(w));
        s.errors().forEach(e -> out().warn(e.region() + " " + e.service() + ": " + e.message()));
        return s.partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }

    static String describe(Duration d) {
        return DashboardRunner.describe(d);
    }

}
