package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes, durations, dates, regions and endpoint URLs are read by picocli converters (labcloud.cli.convert) while the
 * command line is parsed, before anything runs: a bad value is one line naming the option, exit 2.
 */
class ConvertersTest {
    @TempDir
    Path home;

    private CliResult run(String... args) {
        return CliResult.run(Environment.of(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH"),
                "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y", "AWS_ENDPOINT_URL", "http://127.0.0.1:9")), args);
    }

    private void refused(String expected, String... args) {
        CliResult r = run(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr().strip()).isEqualTo("labcloud: " + expected);
    }

    @Test
    void badValuesAreOneLineNamingTheOption() {
        refused("--part-size: invalid size '12XB' (e.g. 500GB, 2TiB, 1.5TB, 64MiB or a byte count; a GB is 2^30 bytes)",
                "cp", "--part-size", "12XB", "a", "s3://b/a");
        refused("--egress-threshold: invalid size 'lots' (e.g. 500GB, 2TiB, 1.5TB, 64MiB or a byte count; a GB is 2^30 bytes)",
                "sync", "--egress-threshold", "lots", "s3://b/a", "a");
        refused("--older-than 'soon': expected a duration like 7d, 12h, 30m or 2w", "cleanup", "--older-than", "soon");
        refused("--since '7': expected a duration like 7d, 12h, 30m or 2w", "trail", "--since", "7");
        refused("--as-of 'tomorrow': expected a date like 2026-12-31 or a time like 2026-12-31T18:00:00Z",
                "audit", "--as-of", "tomorrow");
        refused("SIZE: invalid size 'big' (e.g. 500GB, 2TiB, 1.5TB, 64MiB or a byte count; a GB is 2^30 bytes)",
                "price", "egress", "big");
        refused("--duration 10m is outside what STS allows (15m to 36h)", "creds", "mfa", "--profile", "p", "--duration", "10m");
        refused("--refresh: at least 10s, not '5s'", "dashboard", "--refresh", "5s");
    }

    @Test
    void sinceAndFromAreExclusive() {
        CliResult r = run("trail", "--since", "7d", "--from", "2026-11-01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).hasSize(1).first().asString().contains("--since", "--from", "mutually exclusive");
    }

    @Test
    void aGarbledRegionOrEndpointIsOneLineExitTwoBeforeAnythingRuns() {
        String hint = "' (e.g. us-east-1, eu-west-1; 'all' for every enabled region)";
        // before any command runs: scan never reads the region, and still refuses a garbled one
        refused("unknown region '../../etc" + hint, "--region", "../../etc", "scan", home.toString());
        refused("unknown region 'us-east-99x" + hint, "inventory", "--region", "us-east-99x");
        refused("unknown region 'eu west" + hint, "remote", "add", "r", "--endpoint", "https://s3.example.org", "--remote-region", "eu west");
        refused("unknown region '../x" + hint, "price", "update", "--regions", "us-east-1,../x");
        refused("unknown region 'eu-west-9z" + hint, "audit", "--regions", "us-east-1,eu-west-9z");
        refused("unknown region '../x" + hint, "machine", "list", "--regions", "../x");
        refused("--regions is empty (use 'all' or e.g. us-east-1,eu-west-1)", "inventory", "--regions", " , ");
        refused("invalid --endpoint-url 'ftp://127.0.0.1:9': only http:// and https:// are supported (expected e.g. "
                + "https://s3.example.org or http://127.0.0.1:9000)", "--endpoint-url", "ftp://127.0.0.1:9", "scan", home.toString());
        refused("invalid --url 'http://127.0.0.1:99999': the port must be 1-65535 (expected e.g. "
                + "https://s3.example.org or http://127.0.0.1:9000)", "price", "update", "--url", "http://127.0.0.1:99999");
        assertThat(home.resolve(".labcloud/remotes.yaml")).doesNotExist();
    }

    @Test
    void historyAndStagedAreExclusive() {
        CliResult r = run("scan", "--history", "--staged", home.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).hasSize(1).first().asString().contains("--history", "--staged", "mutually exclusive");
    }

    @Test
    void aGoodRegionAndEndpointReachTheCommand() throws Exception {
        CliResult r = run("--output", "json", "--region", "eu-west-1", "remote", "add", "r", "--endpoint", "http://127.0.0.1:9000");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode saved = Json.MAPPER.readTree(r.stdout());
        assertThat(saved.path("endpoint").asText()).isEqualTo("http://127.0.0.1:9000");
        assertThat(saved.path("region").asText()).isEqualTo("eu-west-1");
        CliResult price = run("--output", "json", "--region", "eu-west-1", "price", "ec2", "t3.micro");
        assertThat(price.exitCode()).as(price.toString()).isZero();
        assertThat(price.stdout()).contains("eu-west-1");
    }

    @Test
    void goodValuesReachTheCommand() {
        CliResult r = run("--output", "json", "price", "egress", "1.5TB", "--already", "100GB");
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }
}
