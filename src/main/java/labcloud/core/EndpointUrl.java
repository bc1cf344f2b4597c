package labcloud.core;

import java.net.URI;
import java.util.Locale;

/**
 * Checks an endpoint URL before anything is sent to it. Only http and https are spoken: any other
 * scheme (a typo such as {@code htps}, or {@code ftp}) used to fall back to plain http and send
 * signed requests, session token included, in clear. A port must be 1-65535.
 */
public final class EndpointUrl {
    private EndpointUrl() {}

    /**
     * @param what names the setting in the error, e.g. "--endpoint-url" or "AWS_ENDPOINT_URL"
     * @throws UsageException (exit 2) for anything but an http(s) URL with a host and a valid port
     */
    public static URI parse(String text, String what) {
        URI u;
        try {
            u = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw bad(text, what, "not a URL");
        }
        check(u, what);
        return u;
    }

    /** The same checks for a URI already parsed (e.g. from a remotes file); returns it. */
    public static URI check(URI u, String what) {
        String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw bad(u.toString(), what, "only http:// and https:// are supported");
        }
        if (u.getHost() == null || u.getRawUserInfo() != null) throw bad(u.toString(), what, "no host name (or a user name in it)");
        if (u.getPort() != -1 && (u.getPort() < 1 || u.getPort() > 65535)) throw bad(u.toString(), what, "the port must be 1-65535");
        if (u.getRawQuery() != null || u.getRawFragment() != null) throw bad(u.toString(), what, "no query or fragment allowed");
        return u;
    }

    private static UsageException bad(String text, String what, String why) {
        String shown = text.replaceAll("//[^/?#]*@", "//***@"); // a password in the URL is never repeated
        if (shown.length() > 200) shown = shown.substring(0, 200) + "…";
        return new UsageException("invalid " + what + " '" + shown.strip() + "': " + why + " (expected e.g. https://s3.example.org or http://127.0.0.1:9000)");
    }
}
