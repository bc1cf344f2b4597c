package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import labcloud.core.UsageException;
import org.junit.jupiter.api.Test;

/** Which proxy a target gets from the environment and JVM properties, matched like curl and the AWS CLI. */
class ProxySettingsTest {
    private static ProxySettings of(Map<String, String> env, Map<String, String> props) {
        return ProxySettings.from(n -> Optional.ofNullable(env.get(n)), props::get);
    }

    private static ProxySettings env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return of(m, Map.of());
    }

    @Test
    void httpsAndHttpEachTakeTheirOwnVariable() {
        ProxySettings p = env("HTTPS_PROXY", "http://secure.proxy:3128", "http_proxy", "plain.proxy:8080");
        assertThat(p.forTarget(true, "s3.amazonaws.com", 443)).extracting(ProxySettings.Proxy::host, ProxySettings.Proxy::port)
                .containsExactly("secure.proxy", 3128);
        assertThat(p.forTarget(false, "s3.amazonaws.com", 80)).extracting(ProxySettings.Proxy::host, ProxySettings.Proxy::port)
                .containsExactly("plain.proxy", 8080);
        assertThat(env("HTTP_PROXY", "http://p:1").forTarget(true, "s3.amazonaws.com", 443)).isNull();
        assertThat(env().forTarget(true, "s3.amazonaws.com", 443)).isNull();
    }

    @Test
    void noProxyMatchesDomainsHostsAddressesPortsAndStar() {
        ProxySettings p = env("HTTPS_PROXY", "http://p:3128",
                "NO_PROXY", "internal.example.org, .corp.example, 10.0.0.0/8, 192.168.1.5, minio.local:9000, [fd00::1]");
        assertThat(p.forTarget(true, "internal.example.org", 443)).isNull();
        assertThat(p.forTarget(true, "s3.internal.example.org", 443)).isNull();
        assertThat(p.forTarget(true, "notinternal.example.org", 443)).isNotNull();
        assertThat(p.forTarget(true, "corp.example", 443)).isNull();
        assertThat(p.forTarget(true, "a.b.corp.example", 443)).isNull();
        assertThat(p.forTarget(true, "10.20.30.40", 443)).isNull();
        assertThat(p.forTarget(true, "11.0.0.1", 443)).isNotNull();
        assertThat(p.forTarget(true, "192.168.1.5", 443)).isNull();
        assertThat(p.forTarget(true, "192.168.1.50", 443)).isNotNull();
        assertThat(p.forTarget(true, "minio.local", 9000)).isNull();
        assertThat(p.forTarget(true, "minio.local", 443)).isNotNull();
        assertThat(p.forTarget(true, "fd00::1", 443)).isNull();
        assertThat(env("HTTPS_PROXY", "http://p:3128", "no_proxy", "*").forTarget(true, "anything.example", 443)).isNull();
    }

    @Test
    void jvmPropertiesComeFirst() {
        ProxySettings p = of(Map.of("HTTPS_PROXY", "http://env.proxy:1"),
                Map.of("https.proxyHost", "prop.proxy", "https.proxyPort", "3129", "http.nonProxyHosts", "*.lab.example|localhost"));
        assertThat(p.forTarget(true, "s3.amazonaws.com", 443).host()).isEqualTo("prop.proxy");
        assertThat(p.forTarget(true, "store.lab.example", 443)).isNull();
        assertThat(p.forTarget(true, "localhost", 443)).isNull();
    }

    @Test
    void credentialsGoIntoTheHeaderAndNowhereElse() {
        ProxySettings p = env("HTTPS_PROXY", "http://lab%40user:p%3Ass@proxy.example:3128");
        ProxySettings.Proxy proxy = p.forTarget(true, "s3.amazonaws.com", 443);
        assertThat(proxy.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("lab@user:p:ss".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(proxy.toString() + p).doesNotContain("p%3Ass").doesNotContain("p:ss").doesNotContain("Basic");
    }

    @Test
    void otherProxySchemesAndBadPortsAreRefusedWithoutEchoingTheUrl() {
        for (String url : new String[] {"socks5://u:hunter2@p:1080", "https://u:hunter2@p:443", "http://u:hunter2@p:70000"}) {
            assertThatThrownBy(() -> env("HTTPS_PROXY", url)).isInstanceOf(UsageException.class)
                    .hasMessageContaining("HTTPS_PROXY").satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        }
    }
}
