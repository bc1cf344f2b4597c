package labcloud.transfer;

import java.util.Locale;
import labcloud.pricing.EgressCost;
import labcloud.pricing.PriceCatalog;

/** The one place the egress guard asks what a download would cost. */
public interface EgressPricing {
    record Estimate(double usd, String note) {}

    Estimate estimate(long bytes, String region);

    /** Prices from the lab's price catalog: the monthly free allowance, then the region's tiers. */
    static EgressPricing catalog(PriceCatalog catalog) {
        return (bytes, region) -> {
            EgressCost c = catalog.egressCost(region, bytes);
            if (!c.known()) {
                return new Estimate(Double.NaN, "no egress price for " + region + " in the price catalog");
            }
            String date = c.provenance() == null || c.provenance().date() == null ? "" : ", prices of " + c.provenance().date();
            return new Estimate(c.total(), String.format(Locale.ROOT, "%.1f GB from %s, %.0f GB of it in the monthly free allowance%s",
                    c.gb(), region, c.freeGb(), date));
        };
    }
}
