package labcloud.machine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.UsageException;

/** The caller's public IPv4 address as a "what is my IP" service sees it, for the SSH rule's /32. */
public final class PublicAddress {
    public static final String DEFAULT_URL = "https://checkip.amazonaws.com";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private PublicAddress() {}

    /** GETs the URL (5 s to connect, 10 s in all) and returns "a.b.c.d/32". */
    public static String cidrFrom(URI url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = r.body() == null ? "" : r.body().strip();
            if (r.statusCode() != 200 || !IPV4.matcher(body).matches()) {
                throw new LabcloudException(ExitCode.FAILED, "could not learn your public IP from " + url + " (HTTP "
                        + r.statusCode() + "); give it with --ssh-cidr A.B.C.D/32");
            }
            return body + "/32";
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "could not learn your public IP from " + url + ": " + e.getMessage()
                    + "; give it with --ssh-cidr A.B.C.D/32", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabcloudException(ExitCode.FAILED, "interrupted", e);
        }
    }

    /** Checks an IPv4 CIDR given by hand; 0.0.0.0/0 (SSH open to the world) is refused. */
    public static String checkCidr(String cidr) {
        String[] p = cidr == null ? new String[0] : cidr.strip().split("/");
        if (p.length != 2 || !IPV4.matcher(p[0]).matches() || !p[1].matches("\\d{1,2}") || Integer.parseInt(p[1]) > 32) {
            throw new UsageException("--ssh-cidr '" + cidr + "' is not an IPv4 CIDR (e.g. 203.0.113.7/32)");
        }
        if (Integer.parseInt(p[1]) < 16) {
            throw new UsageException("--ssh-cidr " + cidr + " opens SSH to too many addresses (at most a /16)");
        }
        return cidr.strip();
    }
}
