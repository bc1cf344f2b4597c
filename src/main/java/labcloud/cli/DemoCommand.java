package labcloud.cli;

import labcloud.app.InventoryRun;
import labcloud.app.Lab;
import labcloud.cli.output.Format;
import labcloud.core.ExitCode;
import labcloud.demo.DemoAccount;
import labcloud.demo.DemoSession;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.ResourceTypes;
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
            // The demo's lab: its own store, its own policy, its six regions; bucket sizes by listing,
            // as the emulator publishes no S3 storage metrics. The report and the dashboard share it.
            Lab lab = Lab.demo(demo);
            Inventory inv = InventoryRun.collectAndSave(lab, new InventoryOptions(lab.regions(),
                    ResourceTypes.ALL, lab.deepBucketSizes(), java.time.Instant.now())).inventory();
            out().result(inv, InventoryTable.of(inv, out().format() == Format.CSV));
            inv.errors().forEach(e -> out().warn(e.region() + " " + e.service() + ": " + e.message()));
            DemoSpendReport.print(out(), lab, demo.environment(), inv);
            int audit = DemoAudit.print(out(), lab, inv);
            int code = inv.partial() ? ExitCode.PARTIAL : audit;
            return noServe ? code : DashboardRunner.serveDemo(out(), lab);
        }
    }
}
