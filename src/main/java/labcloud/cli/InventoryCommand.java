package labcloud.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.InventoryService;
import labcloud.inventory.ResourceTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "inventory", description = "Every resource in every region, with its estimated monthly cost.")
public final class InventoryCommand extends BaseCommand {
    @Option(names = "--regions", paramLabel = "all|R1,R2", description = "regions to read (default: the current region; 'all' for every enabled region)")
    String regions;

    @Option(names = "--types", paramLabel = "T1,T2", description = "resource types: ec2-instance, ebs-volume, ebs-snapshot, "
            + "efs-filesystem, s3-bucket, elastic-ip, iam-user, iam-access-key (default: all)")
    String types;

    @Option(names = "--as-of", paramLabel = "DATE", description = "compute ages and uptimes as of this date (YYYY-MM-DD or an ISO-8601 time)")
    String asOf;

    @Option(names = "--deep", description = "list the objects of buckets that have no CloudWatch size metrics")
    boolean deep;

    @Override
    protected int run() {
        var typeSet = ResourceTypes.parse(types);
        Instant when = parseDate(asOf);
        List<String> regionList = aws().resolveRegions(regions);
        Inventory inv = InventoryService.collect(aws(), new InventoryOptions(regionList, typeSet, deep, when));
        out().result(inv, InventoryTable.of(inv, out().format() == labcloud.cli.output.Format.CSV));
        inv.errors().forEach(e -> out().warn(e.region() + " " + e.service() + ": " + e.message()));
        return inv.partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }

    static Instant parseDate(String s) {
        if (s == null || s.isBlank()) return Instant.now();
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new UsageException("invalid --as-of '" + s + "' (expected YYYY-MM-DD or e.g. 2026-03-01T12:00:00Z)");
        }
    }
}
