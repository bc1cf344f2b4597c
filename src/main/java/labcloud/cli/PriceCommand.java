package labcloud.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import labcloud.cli.convert.EndpointUrlConverter;
import labcloud.cli.convert.RegionConverter;
import labcloud.cli.convert.SizeConverter;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.Sizes;
import labcloud.core.UsageException;
import labcloud.pricing.EgressCost;
import labcloud.pricing.PriceCatalog;
import labcloud.pricing.PriceListUpdater;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "price", description = "What things cost: a small calculator over the bundled (or updated) price catalog.",
        subcommands = {PriceCommand.Ec2.class, PriceCommand.Ebs.class, PriceCommand.Egress.class, PriceCommand.S3.class,
                PriceCommand.Efs.class, PriceCommand.Update.class})
public final class PriceCommand extends BaseCommand {
    @Override
    protected int run() {
        spec.commandLine().usage(out().stdout());
        return ExitCode.USAGE;
    }

    /** Shared by the calculators: catalog, region and the provenance line. */
    abstract static class Calculator extends BaseCommand {
        PriceCatalog catalog() {
            return PriceCatalog.load(env());
        }

        String region() {
            return account().region();
        }

        static String money(Double d) {
            return d == null ? "unknown" : String.format(Locale.ROOT, "$%,.2f", d);
        }

        /** Prints the result; an unknown price is said so (never 0), with exit 0. */
        int show(Map<String, Object> json, Table t, PriceCatalog c, String section, String region, boolean known) {
            var p = c.provenance(section, region);
            json.put("source", p == null ? null : p.source());
            json.put("date", p == null ? null : p.date());
            json.put("basis", p == null ? null : p.basis());
            if (p != null) t.row("prices as of", p.date() + (c.origin().equals("bundled snapshot") ? " (bundled)" : " (updated)"));
            out().result(json, t);
            if (!known) out().warn("no " + section + " price for this in " + region + " in the catalog ("
                    + c.origin() + "); `labcloud price update` refreshes EC2 prices");
            return ExitCode.OK;
        }
    }

    @Command(name = "ec2", description = "On-demand Linux price of an instance type: per hour and per month (730 h).")
    static final class Ec2 extends Calculator {
        @Parameters(paramLabel = "TYPE", description = "instance type, e.g. t3.medium")
        String type;

        @Option(names = "--hours", paramLabel = "H", description = "hours per month it runs (default 730)")
        double hours = PriceCatalog.HOURS_PER_MONTH;

        @Override
        protected int run() {
            if (!type.matches("[a-z][a-z0-9-]*\\.[a-z0-9]+")) {
                throw new UsageException("invalid instance type '" + type + "' (e.g. t3.medium, g5.xlarge)");
            }
            if (hours < 0 || hours > 744) throw new UsageException("--hours must be between 0 and 744, got " + hours);
            PriceCatalog c = catalog();
            String region = region();
            Double hourly = c.ec2Hourly(region, type);
            Double monthly = hourly == null ? null : Math.round(hourly * hours * 100) / 100.0;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("region", region);
            json.put("instanceType", type);
            json.put("hourly", hourly);
            json.put("hoursPerMonth", hours);
            json.put("monthly", monthly);
            Table t = new Table().fixed("ITEM").right("VALUE");
            t.row("instance type", type + " in " + region);
            t.row("per hour", hourly == null ? "unknown" : String.format(Locale.ROOT, "$%.4f", hourly));
            t.total("per month (" + fmtHours(hours) + " h)", money(monthly));
            return show(json, t, c, "ec2", region, hourly != null);
        }

        private static String fmtHours(double h) {
            return h == Math.rint(h) ? String.valueOf((long) h) : String.valueOf(h);
        }
    }

    @Command(name = "ebs", description = "Monthly price of an EBS volume.")
    static final class Ebs extends Calculator {
        @Parameters(paramLabel = "SIZE", converter = SizeConverter.class, description = "volume size, e.g. 500GB, 2TiB")
        long size;

        @Option(names = "--type", paramLabel = "T", description = "gp3, gp2, io1, io2, st1, sc1, standard (default gp3)")
        String volumeType = "gp3";

        @Option(names = "--iops", paramLabel = "N", description = "provisioned IOPS (io1/io2; gp3 above 3000)")
        Integer iops;

        @Override
        protected int run() {
            if (iops != null && iops < 0) throw new UsageException("--iops must be 0 or more, not " + iops);
            long bytes = size;
            long gb = (long) Math.ceil((double) bytes / PriceCatalog.GB);
            PriceCatalog c = catalog();
            String region = region();
            Double monthly = c.ebsMonthly(region, volumeType, gb, iops);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("region", region);
            json.put("volumeType", volumeType);
            json.put("sizeGb", gb);
            json.put("iops", iops);
            json.put("gbMonth", c.ebsGbMonth(region, volumeType));
            json.put("monthly", monthly);
            Table t = new Table().fixed("ITEM").right("VALUE");
            t.row("volume", gb + " GB " + volumeType + (iops == null ? "" : ", " + iops + " IOPS") + " in " + region);
            t.total("per month", money(monthly));
            return show(json, t, c, "ebs", region, monthly != null);
        }
    }

    @Command(name = "egress", description = "Data transfer out to the internet: the free 100 GB/month first, then the tiers.")
    static final class Egress extends Calculator {
        @Parameters(paramLabel = "SIZE", converter = SizeConverter.class, description = "how much, e.g. 500GB, 2TiB")
        long size;

        @Option(names = "--already", paramLabel = "SIZE", converter = SizeConverter.class, description = "already sent out this month (uses up the free allowance and cheap tiers)")
        long already;

        @Override
        protected int run() {
            long bytes = size;
            long before = already;
            PriceCatalog c = catalog();
            String region = region();
            EgressCost cost = c.egressCost(region, bytes, before);
            Table t = new Table().fixed("ITEM").right("GB").right("PER GB").right("COST");
            t.row("data out of " + region, gb(cost.gb()), "", "");
            t.row("free allowance", gb(cost.freeGb()), "$0.00", "$0.00");
            for (EgressCost.Tier tier : cost.tiers()) {
                String range = "tier " + gb(tier.fromGb()) + "–" + (tier.toGb() == null ? "" : gb(tier.toGb())) + " GB";
                t.row(range, gb(tier.gb()), String.format(Locale.ROOT, "$%.3f", tier.perGb()), money(tier.cost()));
            }
            t.total("total", "", "", money(cost.total()));
            var p = cost.provenance();
            if (p != null) t.row("prices as of", "", "", p.date());
            out().result(cost, t);
            if (!cost.known()) out().warn("no egress price for " + region + " in the catalog (" + c.origin() + ")");
            return ExitCode.OK;
        }

        private static String gb(double v) {
            return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.2f", v);
        }
    }

    @Command(name = "s3", description = "Monthly price of storing data in S3.")
    static final class S3 extends Calculator {
        @Parameters(paramLabel = "SIZE", converter = SizeConverter.class, description = "how much, e.g. 500GB, 2TiB")
        long size;

        @Option(names = "--class", paramLabel = "C", description = "STANDARD, INTELLIGENT_TIERING, STANDARD_IA, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE (default STANDARD)")
        String storageClass = "STANDARD";

        @Override
        protected int run() {
            long bytes = size;
            PriceCatalog c = catalog();
            String region = region();
            String cls = storageClass.toUpperCase(Locale.ROOT).replace('-', '_');
            if (!c.s3Classes("us-east-1").contains(cls)) {
                throw new UsageException("unknown S3 storage class '" + storageClass + "' (one of: "
                        + String.join(", ", c.s3Classes("us-east-1")) + ")");
            }
            Double monthly = c.s3Monthly(region, cls, bytes);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("region", region);
            json.put("storageClass", cls);
            json.put("bytes", bytes);
            json.put("gbMonth", c.s3GbMonth(region, cls));
            json.put("monthly", monthly);
            Table t = new Table().fixed("ITEM").right("VALUE");
            t.row("stored", Sizes.format(bytes) + " " + cls + " in " + region);
            t.total("per month", money(monthly));
            return show(json, t, c, "s3", region, monthly != null);
        }
    }

    @Command(name = "efs", description = "Monthly price of storing data in EFS.")
    static final class Efs extends Calculator {
        @Parameters(paramLabel = "SIZE", converter = SizeConverter.class, description = "how much, e.g. 500GB, 2TiB")
        long size;

        @Option(names = "--class", paramLabel = "C", description = "standard, infrequentAccess, archive, oneZone (default standard)")
        String storageClass = "standard";

        @Override
        protected int run() {
            long bytes = size;
            PriceCatalog c = catalog();
            String region = region();
            if (!java.util.Set.of("standard", "infrequentAccess", "archive", "oneZone").contains(storageClass)) {
                throw new UsageException("unknown EFS storage class '" + storageClass
                        + "' (one of: standard, infrequentAccess, archive, oneZone)");
            }
            Double monthly = c.efsMonthly(region, storageClass, bytes);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("region", region);
            json.put("storageClass", storageClass);
            json.put("bytes", bytes);
            json.put("gbMonth", c.efsGbMonth(region, storageClass));
            json.put("monthly", monthly);
            Table t = new Table().fixed("ITEM").right("VALUE");
            t.row("stored", Sizes.format(bytes) + " EFS " + storageClass + " in " + region);
            t.total("per month", money(monthly));
            return show(json, t, c, "efs", region, monthly != null);
        }
    }

    @Command(name = "update", description = "Refresh EC2, EBS and public IPv4 prices from the AWS Price List bulk API "
            + "into ~/.labcloud/pricing/catalog.json (then used instead of the bundled snapshot).")
    static final class Update extends BaseCommand {
        @Option(names = "--url", paramLabel = "BASE", converter = EndpointUrlConverter.class, description = "Price List endpoint (default "
                + "https://pricing.us-east-1.amazonaws.com)")
        java.net.URI url;

        @Option(names = "--regions", paramLabel = "R1,R2", split = ",", converter = RegionConverter.class,
                description = "regions to refresh (default: those in the current catalog)")
        java.util.List<String> regions;

        @Override
        protected int run() {
            java.net.URI base = url == null ? PriceListUpdater.DEFAULT_BASE : url;
            PriceListUpdater.Result r = new PriceListUpdater(base).update(env(), regions);
            Table t = new Table().fixed("REGION").right("INSTANCE TYPES").right("EBS PRICES").fixed("PUBLISHED").fixed("SOURCE");
            for (var u : r.regions()) t.row(u.region(), u.instanceTypes(), u.ebsPrices(), u.publicationDate(), u.source());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", r.file().toString());
            json.put("regions", r.regions());
            out().result(json, t);
            out().info("wrote " + r.file());
            return ExitCode.OK;
        }
    }
}
