package labcloud.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import labcloud.core.Json;
import labcloud.pricing.PriceCatalog;
import org.junit.jupiter.api.Test;

/** The chosen types are the cheapest that fit: checked against a brute-force search of the raw catalog file. */
class InstanceChooserTest {
    private static final double GIB = 1L << 30;

    /** Every type of the raw JSON, price and specs read directly, filtered and sorted here. */
    private static List<String> bruteForce(JsonNode catalog, String region, double ramGib, int cores, boolean gpu, double gpuMemGib) {
        record T(String type, double price) {}
        List<T> fit = new ArrayList<>();
        JsonNode prices = catalog.path("ec2").path(region).path("hourly");
        JsonNode specs = catalog.path("instanceTypes").path("types");
        prices.fieldNames().forEachRemaining(type -> {
            JsonNode s = specs.path(type);
            if (s.isMissingNode() || s.path("burstable").asBoolean() || !s.path("arch").asText().equals("x86_64")) return;
            if (s.path("memoryGib").asDouble() < ramGib || s.path("vcpu").asInt() < cores) return;
            if (gpu && s.path("gpus").asInt() < 1) return;
            if (gpuMemGib > 0 && (s.path("gpus").asInt() < 1 || s.path("gpuMemoryGib").asDouble() < gpuMemGib)) return;
            fit.add(new T(type, prices.path(type).asDouble()));
        });
        fit.sort(Comparator.comparingDouble(T::price).thenComparing(T::type));
        return fit.stream().limit(3).map(T::type).toList();
    }

    @Test
    void theCheapestThreeMatchABruteForceSearchInEveryRegion() throws Exception {
        JsonNode raw;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("pricing/catalog.json")) {
            raw = Json.MAPPER.readTree(in);
        }
        PriceCatalog catalog = PriceCatalog.bundled();
        int checked = 0;
        int nonEmpty = 0;
        for (String region : catalog.regions()) {
            for (double ram : new double[] {0.5, 3, 4, 15.5, 16, 60, 64, 100, 192, 384, 500, 768, 1024, 2048}) {
                for (int cores : new int[] {1, 2, 3, 8, 16, 33, 96, 192, 400}) {
                    for (boolean gpu : new boolean[] {false, true}) {
                        for (double gpuMem : gpu ? new double[] {0, 16, 20, 40} : new double[] {0}) {
                            var need = new InstanceChooser.Need(ram * GIB, cores, gpu, gpuMem * GIB);
                            List<String> chosen = InstanceChooser.cheapest(catalog, region, need, 3).stream().map(c -> c.spec().type()).toList();
                            assertThat(chosen).as(region + " " + ram + " GiB " + cores + " cores gpu=" + gpu + " " + gpuMem)
                                    .isEqualTo(bruteForce(raw, region, ram, cores, gpu, gpuMem));
                            checked++;
                            if (!chosen.isEmpty()) nonEmpty++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(nonEmpty).isGreaterThan(checked / 3); // the search is not vacuous
    }

    @Test
    void knownAnswers() {
        PriceCatalog c = PriceCatalog.bundled();
        var big = InstanceChooser.cheapest(c, "us-east-1", new InstanceChooser.Need(64 * GIB, 16, false, 0), 3);
        assertThat(big).extracting(x -> x.spec().type()).containsExactly("m5.4xlarge", "m6i.4xlarge", "m7i.4xlarge");
        var gpu = InstanceChooser.cheapest(c, "us-east-1", new InstanceChooser.Need(16 * GIB, 4, true, 20 * GIB), 3);
        assertThat(gpu).extracting(x -> x.spec().type()).containsExactly("g5.xlarge", "g5.2xlarge", "g5.4xlarge");
        assertThat(InstanceChooser.cheapest(c, "us-east-1", new InstanceChooser.Need(4096 * GIB, 1, false, 0), 3)).isEmpty();
    }
}
