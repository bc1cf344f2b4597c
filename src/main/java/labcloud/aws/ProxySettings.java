package labcloud.aws;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import labcloud.core.Environment;
import labcloud.core.UsageException;

/**
 * The HTTP proxy for labcloud's own object data path ({@link Http1Client}), chosen the way the
 * SDK and the AWS CLI choose theirs, so that listings, uploads and downloads all take the same
 * route: the JVM properties ({@code https.proxyHost}/{@code https.proxyPort},
 * {@code http.proxyHost}/{@code http.proxyPort}, {@code http.nonProxyHosts}) first, then
 * {@code HTTPS_PROXY}/{@code HTTP_PROXY} and {@code NO_PROXY} (either case), matched like curl:
 * {@code *} for every host, a domain matches itself and its subdomains (a leading dot is
 * optional), an address matches exactly or by CIDR block, and {@code host:port} only that port.
 *
 * <p>Only {@code http://} proxies are spoken (CONNECT tunnels carry https). A password in a proxy
 * URL goes into the Proxy-Authorization header and nowhere else: {@link #toString()} and every
 * error name the proxy as host and port only.
 */
public final class ProxySettings {
    /** No proxy at all. */
    public static final ProxySettings NONE = new ProxySettings(null, null, List.of());

    /** Where to connect instead of the target, and the header to present there (null without credentials). */
    public record Proxy(String host, int port, String authorization) {
        @Override
        public String toString() {
            return "proxy " + host + ":" + port; // never the credentials
        }
    }

    private final Proxy https;
    private final Proxy http;
    private final List<String> noProxy;

    ProxySettings(Proxy https, Proxy http, List<String> noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    /** The settings from the JVM properties and the environment; a malformed proxy URL is exit 2. */
    public static ProxySettings from(Environment env) {
        return from(env::get, System::getProperty);
    }

    static ProxySettings from(Function<String, Optional<String>> env, Function<String, String> props) {
        Proxy https = fromProperties(props, "https", 443);
        Proxy http = fromProperties(props, "http", 80);
        List<String> noProxy = new ArrayList<>();
        String nonProxyHosts = props.apply("http.nonProxyHosts");
        if (nonProxyHosts != null) {
            for (String h : nonProxyHosts.split("\\|")) {
                // the JVM's form: "*.example.org" or "example.*"; a leading wildcard is a domain suffix
                String t = h.strip();
                if (t.startsWith("*.")) t = t.substring(1);
                if (!t.isEmpty() && !t.contains("*")) noProxy.add(t.toLowerCase(Locale.ROOT));
            }
        }
        if (https == null) https = fromVariable(env, "https_proxy");
        if (http == null) http = fromVariable(env, "http_proxy");
        variable(env, "no_proxy").ifPresent(v -> {
            for (String entry : v.split("[,\\s]+")) if (!entry.isBlank()) noProxy.add(entry.strip().toLowerCase(Locale.ROOT));
        });
        return https == null && http == null ? NONE : new ProxySettings(https, http, List.copyOf(noProxy));
    }

    /** The proxy to use for this target, or null to connect directly. */
    public Proxy forTarget(boolean tls, String host, int port) {
        Proxy p = tls ? https : http;
        if (p == null || bypass(host, port)) return null;
        return p;
    }

    private boolean bypass(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        for (String entry : noProxy) {
            if (entry.equals("*")) return true;
            String e = entry;
            int entryPort = -1;
            int colon = e.lastIndexOf(':');
            if (colon > 0 && e.indexOf(':') == colon || e.startsWith("[") && e.contains("]:")) {
                // host:port or [v6]:port
                try {
                    entryPort = Integer.parseInt(e.substring(colon + 1));
                    e = e.substring(0, colon);
                } catch (NumberFormatException ignored) {
                    continue;
                }
            }
            if (e.startsWith("[") && e.endsWith("]")) e = e.substring(1, e.length() - 1);
            if (entryPort >= 0 && entryPort != port) continue;
            if (e.contains("/")) {
                if (Cidr.contains(e, h)) return true;
                continue;
            }
            if (e.startsWith(".")) e = e.substring(1);
            if (e.startsWith("*.")) e = e.substring(2);
            if (!e.isEmpty() && (h.equals(e) || h.endsWith("." + e))) return true;
        }
        return false;
    }

    private static Proxy fromProperties(Function<String, String> props, String scheme, int defaultPort) {
        String host = props.apply(scheme + ".proxyHost");
        if (host == null || host.isBlank()) return null;
        String port = props.apply(scheme + ".proxyPort");
        int p;
        try {
            p = port == null || port.isBlank() ? defaultPort : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) throw new UsageException(scheme + ".proxyPort: not a port number (1-65535)");
        return new Proxy(host.strip(), p, null);
    }

    private static Optional<String> variable(Function<String, Optional<String>> env, String lower) {
        return env.apply(lower).or(() -> env.apply(lower.toUpperCase(Locale.ROOT))).filter(v -> !v.isBlank());
    }

    private static Proxy fromVariable(Function<String, Optional<String>> env, String lower) {
        Optional<String> value = variable(env, lower);
        if (value.isEmpty()) return null;
        String name = env.apply(lower).isPresent() ? lower : lower.toUpperCase(Locale.ROOT);
        String v = value.get().strip();
        if (!v.contains("://")) v = "http://" + v;
        URI u;
        try {
            u = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": not a proxy URL (expected e.g. http://proxy.example.org:3128)");
        }
        if (!"http".equalsIgnoreCase(u.getScheme())) {
            throw new UsageException(name + ": only http:// proxies are supported (https targets are tunnelled through them with CONNECT)");
        }
        if (u.getHost() == null) throw new UsageException(name + ": the proxy URL names no host");
        int port = u.getPort() < 0 ? 80 : u.getPort();
        if (port < 1 || port > 65535) throw new UsageException(name + ": the proxy's port must be 1-65535");
        String auth = null;
        if (u.getRawUserInfo() != null) {
            String user = u.getRawUserInfo();
            String plain = URLDecoder.decode(user.replace("+", "%2B"), StandardCharsets.UTF_8);
            auth = "Basic " + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }
        return new Proxy(u.getHost(), port, auth);
    }

    @Override
    public String toString() {
        return "https " + https + ", http " + http + ", no_proxy " + noProxy;
    }

    /** An address block such as 10.0.0.0/8 or fd00::/8, against a literal address (host names never match). */
    private static final class Cidr {
        static boolean contains(String block, String host) {
            int slash = block.indexOf('/');
            try {
                if (!isLiteral(host) || !isLiteral(block.substring(0, slash))) return false;
                byte[] net = java.net.InetAddress.getByName(block.substring(0, slash)).getAddress();
                byte[] addr = java.net.InetAddress.getByName(host).getAddress();
                int bits = Integer.parseInt(block.substring(slash + 1));
                if (net.length != addr.length || bits < 0 || bits > net.length * 8) return false;
                for (int i = 0; i < bits; i++) {
                    int mask = 0x80 >> (i % 8);
                    if ((net[i / 8] & mask) != (addr[i / 8] & mask)) return false;
                }
                return true;
            } catch (java.net.UnknownHostException | NumberFormatException e) {
                return false;
            }
        }

        /** Only address literals: InetAddress.getByName must never turn a host name into a DNS lookup here. */
        private static boolean isLiteral(String host) {
            return host.matches("[0-9.]+") || host.contains(":");
        }
    }
}
