package labcloud.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.core.LabcloudException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCatalogTest {
    private static final long GB = 1L << 30;
    private final PriceCatalog catalog = PriceCatalog.bundled();

    @Test
    void t3MediumInUsEast1For730HoursIsHandComputed() {
        // $0.0416/h x 730 h = $30.368
        assertThat(catalog.ec2Hourly("us-east-1", "t3.medium")).isEqualTo(0.0416);
        assertThat(catalog.ec2Monthly("us-east-1", "t3.medium")).isCloseTo(30.368, within(1e-9));
        // p3.2xlarge: $3.06 x 730 = $2,233.80
        assertThat(catalog.ec2Monthly("us-east-1", "p3.2xlarge")).isCloseTo(2233.80, within(1e-9));
    }

    @Test
    void egressOf500GbUsesTheFreeAllowanceFirst() {
        // (500 - 100 free) GB x $0.09 = $36.00
        EgressCost c = catalog.egressCost("us-east-1", 500 * GB);
        assertThat(c.total()).isCloseTo(36.00, within(1e-9));
        assertThat(c.freeGb()).isEqualTo(100.0);
        assertThat(c.tiers()).singleElement().satisfies(t -> {
            assertThat(t.gb()).isEqualTo(400.0);
            assertThat(t.perGb()).isEqualTo(0.09);
        });
    }

    @Test
    void egressAcrossTiers() {
        // 20 TiB = 20,480 GB: 100 free, 10,140 x 0.09 = 912.60, 10,240 x 0.085 = 870.40 -> 1,783.00
        EgressCost c = catalog.egressCost("us-east-1", 20L * 1024 * GB);
        assertThat(c.total()).isCloseTo(1783.00, within(1e-6));
        assertThat(c.tiers()).extracting(EgressCost.Tier::gb).containsExactly(10140.0, 10240.0);
        // under the allowance nothing is charged; a transfer after 80 GB this month pays from GB 100 on
        assertThat(catalog.egressCost("us-east-1", 60 * GB).total()).isZero();
        assertThat(catalog.egressCost("us-east-1", 60 * GB, 80 * GB).total()).isCloseTo(40 * 0.09, within(1e-9));
        // Tokyo's first tier is dearer: 400 x 0.114 = 45.60
        assertThat(catalog.egressCost("ap-northeast-1", 500 * GB).total()).isCloseTo(45.60, within(1e-9));
    }

    @Test
    void unknownPricesAreNullNeverZero() {
        assertThat(catalog.ec2Hourly("us-east-1", "x9.mega")).isNull();
        assertThat(catalog.ec2Monthly("mars-north-1", "t3.medium")).isNull();
        assertThat(catalog.ebsMonthly("mars-north-1", "gp3", 100, null)).isNull();
        assertThat(catalog.s3Monthly("us-east-1", "NO_SUCH_CLASS", GB)).isNull();
        EgressCost c = catalog.egressCost("mars-north-1", 500 * GB);
        assertThat(c.total()).isNull();
        assertThat(c.known()).isFalse();
    }

    @Test
    void storageEstimators() {
        assertThat(catalog.ebsMonthly("us-east-1", "gp3", 500, 3000)).isCloseTo(40.0, within(1e-9));
        // gp3 above 3,000 IOPS: 1,000 x $0.005
        assertThat(catalog.ebsMonthly("us-east-1", "gp3", 500, 4000)).isCloseTo(45.0, within(1e-9));
        // io1: 100 GB x 0.125 + 3,000 IOPS x 0.065 = 12.50 + 195.00
        assertThat(catalog.ebsMonthly("us-east-1", "io1", 100, 3000)).isCloseTo(207.5, within(1e-9));
        assertThat(catalog.s3Monthly("us-east-1", "STANDARD", 1024 * GB)).isCloseTo(23.552, within(1e-9));
        assertThat(catalog.s3Monthly("us-east-1", "deep-archive", 1024 * GB)).isCloseTo(1.0138, within(1e-4));
        assertThat(catalog.efsMonthly("us-east-1", "standard", 10 * GB)).isCloseTo(3.0, within(1e-9));
        assertThat(catalog.elasticIpHourly("us-east-1", false)).isEqualTo(0.005);
    }

    @Test
    void everySectionOfEveryRegionRecordsSourceAndDate() {
        List<String> families = List.of("t3", "t3a", "t4g", "m5", "m6i", "m7i", "c5", "c6i", "c7i", "r5", "r6i", "g4dn", "g5", "p3");
        List<String> regions = List.of("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1",
                "ap-southeast-2", "ap-northeast-1");
        for (String region : regions) {
            for (String section : List.of("ec2", "ebs", "s3", "efs", "elasticIp", "egress")) {
                PriceCatalog.Provenance p = catalog.provenance(section, region);
                assertThat(p).as(section + " " + region).isNotNull();
                assertThat(p.source()).startsWith("https://aws.amazon.com/");
                assertThat(p.date()).matches("\\d{4}-\\d{2}-\\d{2}");
            }
            for (String f : families) {
                assertThat(catalog.instanceTypes(region)).as(region).anyMatch(t -> t.startsWith(f + "."));
            }
        }
    }

    @Test
    void anUpdatedCatalogInLabcloudHomeTakesPrecedence(@TempDir Path home) throws Exception {
        Environment env = Environment.of(Map.of("HOME", home.toString()));
        assertThat(PriceCatalog.load(env).origin()).isEqualTo("bundled snapshot");
        JsonNode root = Json.MAPPER.readTree(getClass().getClassLoader().getResourceAsStream(PriceCatalog.BUNDLED_RESOURCE));
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.path("ec2").path("us-east-1").path("hourly")).put("t3.medium", 0.05);
        Path file = PriceCatalog.userCatalogPath(env);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.pretty(root));
        PriceCatalog updated = PriceCatalog.load(env);
        assertThat(updated.origin()).isEqualTo(file.toString());
        assertThat(updated.ec2Hourly("us-east-1", "t3.medium")).isEqualTo(0.05);

        Files.writeString(file, "{\"not\": \"a catalog\"}");
        assertThatThrownBy(() -> PriceCatalog.load(env)).isInstanceOf(LabcloudException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a labcloud price catalog");
    }
}
