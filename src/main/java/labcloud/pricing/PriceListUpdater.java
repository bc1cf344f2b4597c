package labcloud.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import labcloud.aws.FanOut;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.Json;
import labcloud.core.LabcloudException;
import labcloud.core.SecureFiles;

/**
 * Refreshes the catalog from the public AWS Price List bulk API: the offer index names the
 * AmazonEC2 region index, which names each region's offer file, read as a stream by
 * {@link Ec2OfferParser}. EC2 instance, EBS and public IPv4 prices of each region are replaced;
 * S3, EFS and egress keep their recorded figures. All regions or nothing: the result is written
 * atomically to ~/.labcloud/pricing/catalog.json (then preferred over the bundled snapshot) only
 * when every region was read, so a bad download never leaves a half-updated catalog.
 *
 * <p>The bulk API is a public HTTPS endpoint without AWS authentication, so it is read with a
 * plain HTTP client rather than through the SDK.
 */
public final class PriceListUpdater {
    public static final URI DEFAULT_BASE = URI.create("https://pricing.us-east-1.amazonaws.com");
    static final String OFFER_INDEX = "/offers/v1.0/aws/index.json";
    private static final String BASIS = "AWS Price List bulk API, on-demand (instances: Linux, shared tenancy, "
            + "no pre-installed software, capacity status Used)";

    /** One region refreshed. */
    public record RegionUpdate(String region, int instanceTypes, int ebsPrices, String publicationDate, String source) {}

    public record Result(Path file, List<RegionUpdate> regions) {}

    private record Fetched(String region, URI source, Ec2OfferParser.Ec2Offer offer) {}

    private final URI base;
    private final HttpClient http;

    public PriceListUpdater(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Updates {@code regions} (the current catalog's when empty) and writes the user catalog. */
    public Result update(Environment env, List<String> regions) {
        PriceCatalog current = PriceCatalog.load(env);
        List<String> wanted = regions == null || regions.isEmpty() ? List.copyOf(current.regions()) : regions;
        URI indexUri = base.resolve(OFFER_INDEX);
        String regionIndexPath = json(indexUri).path("offers").path("AmazonEC2").path("currentRegionIndexUrl").asText(null);
        if (regionIndexPath == null) throw failed(indexUri + ": no offers.AmazonEC2.currentRegionIndexUrl");
        URI regionIndexUri = base.resolve(regionIndexPath);
        JsonNode regionIndex = json(regionIndexUri).path("regions");
        for (String region : wanted) {
            if (regionIndex.path(region).path("currentVersionUrl").asText(null) == null) {
                throw failed(regionIndexUri + ": no region " + region);
            }
        }

        // A few regions at a time: each file is large, and the parse is the slow part.
        FanOut.Result<Fetched> fetched = new FanOut(3).perRegion(wanted, "pricing", region -> {
            URI file = base.resolve(regionIndex.path(region).path("currentVersionUrl").asText());
            try (InputStream in = stream(file)) {
                return new Fetched(region, file, Ec2OfferParser.parse(in));
            } catch (IOException e) {
                throw failed(file + ": " + firstLine(e));
            }
        });
        if (fetched.partial()) {
            var e = fetched.errors().get(0);
            throw new LabcloudException(ExitCode.FAILED, e.message() + (fetched.errors().size() > 1
                    ? " (and " + (fetched.errors().size() - 1) + " more regions)" : "") + "; the catalog is unchanged");
        }
        ObjectNode root = current.root().deepCopy();
        List<RegionUpdate> updated = new ArrayList<>();
        for (Fetched f : fetched.values()) {
            var offer = f.offer();
            if (offer.instanceHourly().isEmpty()) {
                throw failed(f.source() + ": no on-demand Linux instance prices; the catalog is unchanged");
            }
            String date = offer.publicationDate() == null || offer.publicationDate().length() < 10
                    ? null : offer.publicationDate().substring(0, 10);
            ObjectNode ec2 = section(root, "ec2", f, date);
            ec2.set("hourly", Json.MAPPER.valueToTree(offer.instanceHourly()));
            if (!offer.ebsGbMonth().isEmpty()) {
                ObjectNode ebs = section(root, "ebs", f, date);
                ebs.withObjectProperty("gbMonth").setAll((ObjectNode) Json.MAPPER.valueToTree(offer.ebsGbMonth()));
                ebs.withObjectProperty("provisionedIopsMonth").setAll((ObjectNode) Json.MAPPER.valueToTree(offer.ebsIopsMonth()));
            }
            if (!offer.publicIpv4Hourly().isEmpty()) {
                ObjectNode eip = section(root, "elasticIp", f, date);
                for (Map.Entry<String, Double> e : offer.publicIpv4Hourly().entrySet()) eip.put(e.getKey(), e.getValue());
            }
            updated.add(new RegionUpdate(f.region(), offer.instanceHourly().size(),
                    offer.ebsGbMonth().size() + offer.ebsIopsMonth().size(), offer.publicationDate(), f.source().toString()));
        }
        root.put("updatedAt", Instant.now().toString());
        root.put("updatedFrom", indexUri.toString());
        Path target = PriceCatalog.userCatalogPath(env);
        try {
            SecureFiles.writeAtomically(target, Json.pretty(root));
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot write " + target + ": " + e.getMessage(), e);
        }
        updated.sort(Comparator.comparing(RegionUpdate::region));
        return new Result(target, List.copyOf(updated));
    }

    /** The region's section of {@code name}, its provenance replaced by the offer file's. */
    private static ObjectNode section(ObjectNode root, String name, Fetched f, String date) {
        ObjectNode s = root.withObjectProperty(name).withObjectProperty(f.region());
        s.put("source", f.source().toString());
        s.put("date", date);
        s.put("basis", BASIS + ", offer version " + f.offer().version());
        return s;
    }

    private JsonNode json(URI uri) {
        try (InputStream in = stream(uri)) {
            JsonNode n = Json.MAPPER.readTree(in);
            if (n == null || !n.isObject()) throw new IOException("not a JSON object");
            return n;
        } catch (IOException e) {
            throw failed(uri + ": " + firstLine(e));
        }
    }

    private InputStream stream(URI uri) throws IOException {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new IOException("HTTP " + r.statusCode());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Jackson's messages run over several lines and quote the source; keep what and where. */
    private static String firstLine(IOException e) {
        if (e instanceof JsonProcessingException j) {
            var loc = j.getLocation();
            return j.getOriginalMessage().lines().findFirst().orElse("invalid JSON")
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr());
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static LabcloudException failed(String message) {
        return new LabcloudException(ExitCode.FAILED, "price update: " + message);
    }
}
