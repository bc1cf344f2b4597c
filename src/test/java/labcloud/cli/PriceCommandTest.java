package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The price calculator needs no AWS account: it reads the bundled catalog. */
class PriceCommandTest {
    @TempDir
    java.nio.file.Path home;

    private CliResult run(String... args) {
        return CliResult.run(Environment.of(Map.of("HOME", home.toString(), "AWS_REGION", "us-east-1")), args);
    }

    @Test
    void ec2MonthlyPrice() throws Exception {
        CliResult r = run("price", "ec2", "t3.medium", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.stdout());
        assertThat(j.path("hourly").asDouble()).isEqualTo(0.0416);
        assertThat(j.path("monthly").asDouble()).isEqualTo(30.37);
        assertThat(j.path("source").asText()).startsWith("https://aws.amazon.com/ec2/pricing");
        CliResult t = run("price", "ec2", "g5.xlarge", "--region", "eu-west-1");
        assertThat(t.stdout()).contains("g5.xlarge in eu-west-1", "per month (730 h)", "$819.79");
        CliResult unknown = run("price", "ec2", "x9.large", "--output", "json");
        assertThat(unknown.exitCode()).isZero();
        assertThat(Json.MAPPER.readTree(unknown.stdout()).path("monthly").isNull()).isTrue();
        assertThat(unknown.stderr()).contains("no ec2 price");
        assertThat(run("price", "ec2", "t3 medium").exitCode()).isEqualTo(2);
    }

    @Test
    void egressAppliesTheFreeAllowanceThenTheTiers() throws Exception {
        CliResult r = run("price", "egress", "500GB", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.stdout());
        assertThat(j.path("total").asDouble()).isEqualTo(36.0);
        assertThat(j.path("freeGb").asDouble()).isEqualTo(100.0);
        CliResult t = run("price", "egress", "500GB");
        assertThat(t.stdout()).contains("free allowance", "$36.00");
        CliResult bad = run("price", "egress", "lots");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("invalid size 'lots'");
    }

    @Test
    void storageCalculators() throws Exception {
        JsonNode s3 = Json.MAPPER.readTree(run("price", "s3", "2TiB", "--class", "standard-ia", "--output", "json").stdout());
        assertThat(s3.path("monthly").asDouble()).isEqualTo(25.6); // 2,048 GB x 0.0125
        JsonNode efs = Json.MAPPER.readTree(run("price", "efs", "100GB", "--output", "json").stdout());
        assertThat(efs.path("monthly").asDouble()).isEqualTo(30.0);
        JsonNode ebs = Json.MAPPER.readTree(run("price", "ebs", "100GB", "--type", "io1", "--iops", "3000", "--output", "json").stdout());
        assertThat(ebs.path("monthly").asDouble()).isEqualTo(207.5);
        assertThat(run("price", "s3", "1GB", "--class", "FROZEN").exitCode()).isEqualTo(2);
    }

    /** Odd input is one clear line and exit 2: a path as a region, negative counts and sizes. */
    @Test
    void oddInputIsExitTwoWithOneClearLine() throws Exception {
        CliResult region = run("price", "ec2", "t3.medium", "--region", "../../etc");
        assertThat(region.exitCode()).as(region.toString()).isEqualTo(2);
        assertThat(region.stderr().strip()).isEqualTo("labcloud: unknown region '../../etc' (e.g. us-east-1, eu-west-1; 'all' for every enabled region)");
        CliResult iops = run("price", "ebs", "500GB", "--type", "io2", "--iops", "-100");
        assertThat(iops.exitCode()).as(iops.toString()).isEqualTo(2);
        assertThat(iops.stderr()).contains("--iops").contains("-100").hasLineCount(1);
        CliResult hours = run("price", "ec2", "t3.medium", "--hours", "-5");
        assertThat(hours.exitCode()).as(hours.toString()).isEqualTo(2);
        CliResult egress = run("price", "egress", "-5GB");
        assertThat(egress.exitCode()).as(egress.toString()).isEqualTo(2);
        assertThat(egress.stderr()).hasLineCount(1).contains("'-5GB'").contains("negative").doesNotContain("Missing required parameter");
    }

    /** A broken ~/.aws/config is bad input: exit 2, naming the file and the line. */
    @Test
    void aBrokenAwsConfigNamesTheFileAndLine() throws Exception {
        java.nio.file.Path config = java.nio.file.Files.createDirectories(home.resolve(".aws")).resolve("config");
        java.nio.file.Files.writeString(config, "[default]\nregion = us-east-1\n[profile lab\nregion = eu-west-1\n");
        CliResult r = CliResult.run(Environment.of(Map.of("HOME", home.toString())), "price", "ec2", "t3.medium");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).hasLineCount(1).contains(config.toString()).contains("line 3");
    }
}
