package labcloud.advise;

import java.util.ArrayList;
import java.util.List;
import labcloud.pricing.PriceCatalog;

/**
 * Prices keeping a data set in S3 Standard, Standard-IA, Glacier Instant Retrieval, EFS and EBS for
 * a project: storage a month, retrieval fees when each run reads the data once, and the minimum
 * storage durations that make a cheap class dear for short projects. Request charges are left out.
 */
public final class StoragePlanner {
    private StoragePlanner() {}

    public static List<StorageOption> options(PriceCatalog c, String region, long dataBytes, double runsPerMonth, double months) {
        List<StorageOption> out = new ArrayList<>();
        double gb = (double) dataBytes / PriceCatalog.GB;
        s3(out, c, region, "STANDARD", "S3 Standard", gb, runsPerMonth, months, "no retrieval fee; any machine or user can read it");
        s3(out, c, region, "STANDARD_IA", "S3 Standard-IA", gb, runsPerMonth, months, "cheaper to keep, a fee for every GB read");
        s3(out, c, region, "GLACIER_IR", "S3 Glacier Instant Retrieval", gb, runsPerMonth, months, "for data read a few times a year");
        Double efs = c.efsGbMonth(region, "standard");
        Double efsFee = c.efsRetrievalPerGb(region, "standard");
        out.add(option("efs-standard", "EFS Standard", efs, efsFee, 0, gb, runsPerMonth, months,
                "a shared file system several machines mount at once"));
        Double ebs = c.ebsGbMonth(region, "gp3");
        out.add(option("ebs-gp3", "EBS gp3 volume", ebs, 0.0, 0, gb, runsPerMonth, months,
                "a disk of one instance in one zone, billed while it exists"));
        return List.copyOf(out);
    }

    private static void s3(List<StorageOption> out, PriceCatalog c, String region, String cls, String name, double gb,
                           double runs, double months, String note) {
        out.add(option("s3-" + cls.toLowerCase(java.util.Locale.ROOT).replace('_', '-'), name, c.s3GbMonth(region, cls),
                c.s3RetrievalPerGb(region, cls), c.s3MinimumDays(region, cls), gb, runs, months, note));
    }

    private static StorageOption option(String id, String name, Double perGb, Double feePerGb, int minDays, double gb, double runs,
                                        double months, String note) {
        Double storage = perGb == null ? null : perGb * gb;
        Double retrieval = feePerGb == null ? null : feePerGb * gb * runs;
        Double total = null;
        if (storage != null && retrieval != null) {
            double billedMonths = Math.max(months, minDays / 30.0);
            total = round(storage * billedMonths + retrieval * months);
        }
        return new StorageOption(id, name, perGb, storage == null ? null : round(storage), feePerGb,
                retrieval == null ? null : round(retrieval), minDays, total, note);
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
