package labcloud.transfer;

import java.util.Locale;

/**
 * The cost of data transfer out of AWS to the internet. The one place the egress guard asks for a
 * price: it uses AWS's published tiers for S3 data transfer out (us-east-1 list prices, 2025),
 * after the 100 GB per month that AWS does not charge for.
 */
public interface EgressPricing {
    record Estimate(double usd, String note) {}

    Estimate estimate(long bytes, String region);

    /** Published internet egress tiers: first 100 GB/month free, then per GB by monthly volume. */
    EgressPricing PUBLISHED_TIERS = (bytes, region) -> {
        double gb = bytes / 1e9;
        double billable = Math.max(0, gb - 100);
        double[][] tiers = {{10_240, 0.09}, {40_960, 0.085}, {102_400, 0.07}, {Double.MAX_VALUE, 0.05}};
        double usd = 0, left = billable;
        for (double[] t : tiers) {
            double inTier = Math.min(left, t[0]);
            usd += inTier * t[1];
            left -= inTier;
            if (left <= 0) break;
        }
        return new Estimate(usd, String.format(Locale.ROOT,
                "%.1f GB at published rates ($0.09/GB after the free 100 GB/month) from %s", gb, region));
    };
}
