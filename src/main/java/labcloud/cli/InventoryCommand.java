package labcloud.cli;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import labcloud.app.InventoryRun;
import labcloud.cli.convert.RegionsConverter;
import labcloud.cli.convert.StartOfDayConverter;
import labcloud.cli.output.Format;
import labcloud.core.ExitCode;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryChanges;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.ResourceTypes;
import labcloud.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "inventory", description = "Every resource in every region, with its estimated monthly cost. "
        + "Each run is saved in ~/.labcloud/labcloud.db; --changes compares it with the previous run.")
public final class InventoryCommand extends BaseCommand {
    @Option(names = "--regions", paramLabel = "all|R1,R2", converter = RegionsConverter.class, description = "regions to read (default: the current region; 'all' for every enabled region)")
    String regions;

    @Option(names = "--types", paramLabel = "T1,T2", description = "resource types: ec2-instance, ebs-volume, ebs-snapshot, "
            + "efs-filesystem, s3-bucket, elastic-ip, iam-user, iam-access-key (default: all)")
    String types;

    @Option(names = "--as-of", paramLabel = "DATE", converter = StartOfDayConverter.class, description = "compute ages and uptimes as of this date (YYYY-MM-DD or an ISO-8601 time)")
    Instant asOf;

    @Option(names = "--deep", description = "list the objects of buckets that have no CloudWatch size metrics")
    boolean deep;

    @Option(names = "--changes", description = "show what appeared, changed or disappeared since the previous run")
    boolean changes;

    @Override
    protected int run() {
        Set<String> typeSet = ResourceTypes.parse(types);
        Instant when = asOf == null ? Instant.now() : asOf;
        List<String> regionList = account().regions(regions);
        Store store = Store.open(env());
        InventoryRun.Saved saved = account().collectAndSave(store, new InventoryOptions(regionList, typeSet, deep, when));
        Inventory inv = saved.inventory();
        if (changes) {
            var previous = InventoryRun.changesSincePrevious(store, saved);
            if (previous.isEmpty()) {
                out().info("no earlier inventory to compare with; this run is saved as the baseline");
            }
            InventoryChanges diff = previous.orElse(InventoryRun.noChanges(inv));
            out().result(diff, InventoryTable.changes(diff));
        } else {
            out().result(inv, InventoryTable.of(inv, out().format() == Format.CSV));
        }
        inv.errors().forEach(e -> out().warn(e.region() + " " + e.service() + ": " + e.message()));
        return inv.partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
