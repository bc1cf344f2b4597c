package labcloud.pricing;

import java.util.List;

/**
 * The cost of sending data out of a region to the internet in one month.
 *
 * @param gb        the size in GB (2^30 bytes, as AWS bills)
 * @param freeGb    how much of it the monthly free allowance covered
 * @param tiers     the charged part, tier by tier
 * @param total     US dollars, or null when the region's egress price is unknown
 */
public record EgressCost(String region, long bytes, double gb, double freeGb, List<Tier> tiers, Double total,
                         PriceCatalog.Provenance provenance) {
    /** One price tier's share: GB in [fromGb, toGb) of the month's volume at perGb. */
    public record Tier(double fromGb, Double toGb, double gb, double perGb, double cost) {}

    public boolean known() {
        return total != null;
    }
}
