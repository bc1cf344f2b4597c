package labcloud.cli;

import java.util.Map;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.demo.DemoAccount;
import labcloud.demo.DemoSession;
import labcloud.demo.ResourceCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Run labcloud on a local emulated lab account (moto server): seed it and report.")
public final class DemoCommand extends BaseCommand {
    @Option(names = "--no-serve", description = "print the report and exit instead of serving the dashboard")
    boolean noServe;

    @Override
    protected int run() {
        long t0 = System.nanoTime();
        out().info("Starting the emulated lab account (moto server) and seeding it...");
        try (DemoSession demo = DemoSession.start(env())) {
            out().info("Seeded " + demo.manifest().resources().size() + " resources in "
                    + DemoAccount.REGIONS.size() + " regions at " + demo.moto().endpoint()
                    + String.format(" (%.1f s)", (System.nanoTime() - t0) / 1e9));
            ResourceCount.Result counts = ResourceCount.count(demo.aws(), DemoAccount.REGIONS);
            Table t = new Table().fixed("REGION").left("TYPE").right("COUNT");
            int total = 0;
            for (var region : counts.byRegion().entrySet()) {
                for (Map.Entry<String, Integer> type : region.getValue().entrySet()) {
                    if (type.getValue() == 0) continue;
                    t.row(region.getKey(), type.getKey(), type.getValue());
                    total += type.getValue();
                }
            }
            t.total("all", "", total);
            out().result(counts.byRegion(), t);
            counts.raw().errors().forEach(e -> out().warn(e.region() + " " + e.service() + ": " + e.message()));
            return counts.raw().partial() ? ExitCode.PARTIAL : ExitCode.OK;
        }
    }
}
