package labcloud.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import labcloud.core.RegionError;

/**
 * One inventory run: every resource found, and the regions or services that could not be read.
 * Its JSON form is the stable {@code labcloud inventory --output json} document.
 */
@JsonPropertyOrder({"account", "generatedAt", "regions", "resources", "errors"})
public record Inventory(String account, Instant generatedAt, List<String> regions, List<Resource> resources,
                        List<RegionError> errors) {
    @JsonIgnore
    public boolean partial() {
        return !errors.isEmpty();
    }

    /** Each region or service that could not be read, as one line: "region service: message". */
    @JsonIgnore
    public List<String> errorLines() {
        return errors.stream().map(e -> e.region() + " " + e.service() + ": " + e.message()).toList();
    }

    public List<Resource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The sum of the known monthly costs (unknown ones are left out; see {@link #unpricedCount()}). */
    @JsonIgnore
    public double knownMonthlyCost() {
        return resources.stream().filter(r -> r.monthlyCost() != null).mapToDouble(Resource::monthlyCost).sum();
    }

    @JsonIgnore
    public long unpricedCount() {
        return resources.stream().filter(r -> r.monthlyCost() == null).count();
    }
}
