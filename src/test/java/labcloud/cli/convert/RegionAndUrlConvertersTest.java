package labcloud.cli.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The one grammar for a region name and the one for an endpoint URL, as the option converters apply them. */
class RegionAndUrlConvertersTest {
    private final RegionConverter region = new RegionConverter();
    private final EndpointUrlConverter url = new EndpointUrlConverter();

    @Test
    void regionsAwsKnowsAndRegionsShapedLikeThemPass() {
        for (String r : new String[] {"us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1", "us-isob-east-1",
                "aws-global", "ap-southeast-7", "mx-central-9"}) {
            assertThat(region.convert(r)).isEqualTo(r);
        }
    }

    @Test
    void aGarbledRegionIsRefusedNamingTheOption() {
        for (String r : new String[] {"../../etc", "us-east-99x", "US-EAST-1", "", "us-east-1 ", "us-east-1/../x", "east"}) {
            assertThatThrownBy(() -> region.convert(r)).as(r).isInstanceOfSatisfying(BadValue.class, bad ->
                    assertThat(bad.messageFor("--region")).isEqualTo("unknown region '" + r
                            + "' (e.g. us-east-1, eu-west-1; 'all' for every enabled region)"));
        }
    }

    @Test
    void aVeryLongRegionIsShortenedInTheMessage() {
        String junk = "x".repeat(5000);
        assertThatThrownBy(() -> region.convert(junk)).isInstanceOfSatisfying(BadValue.class, bad ->
                assertThat(bad.messageFor("--region")).hasSizeLessThan(200));
    }

    @Test
    void httpAndHttpsUrlsWithAHostAndAValidPortPass() {
        assertThat(url.convert("https://s3.example.org")).isEqualTo(URI.create("https://s3.example.org"));
        assertThat(url.convert("http://127.0.0.1:9000")).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(url.convert(" HTTPS://s3.example.org:65535/base ")).isEqualTo(URI.create("HTTPS://s3.example.org:65535/base"));
    }

    @Test
    void otherUrlsAreRefusedNamingTheOptionAndWhy() {
        String[][] cases = {
                {"ftp://127.0.0.1:9000", "only http:// and https:// are supported"},
                {"htps://s3.example.org", "only http:// and https:// are supported"},
                {"127.0.0.1:9000", "not a URL"},
                {"s3.example.org", "only http:// and https:// are supported"},
                {"http://127.0.0.1:0", "the port must be 1-65535"},
                {"http://127.0.0.1:65536", "the port must be 1-65535"},
                {"http://s3.example.org/?x=1", "no query or fragment allowed"},
                {"http://", "not a URL"},
                {"http://user:hunter2@s3.example.org", "no host name (or a user name in it)"}};
        for (String[] c : cases) {
            assertThatThrownBy(() -> url.convert(c[0])).as(c[0]).isInstanceOfSatisfying(BadValue.class, bad -> {
                String m = bad.messageFor("--endpoint-url");
                assertThat(m).startsWith("invalid --endpoint-url '").contains(c[1]).doesNotContain("hunter2");
            });
        }
    }
}
