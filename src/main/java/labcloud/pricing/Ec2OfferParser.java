package labcloud.pricing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import labcloud.core.Json;

/**
 * Reads one region's AmazonEC2 offer file of the AWS Price List bulk API (hundreds of MB) as a
 * stream: one product or one SKU's terms at a time, never the whole document. Keeps on-demand
 * prices of Linux instances with shared tenancy, no pre-installed software and capacity status
 * Used; EBS storage, snapshot and provisioned-IOPS prices; and the public IPv4 address charge.
 */
public final class Ec2OfferParser {
    /** What one region's offer file gave. Empty maps when the file had no such products. */
    public record Ec2Offer(String version, String publicationDate, Map<String, Double> instanceHourly,
                           Map<String, Double> ebsGbMonth, Map<String, Double> ebsIopsMonth,
                           Map<String, Double> publicIpv4Hourly) {}

    /** Where a SKU's price goes: one of the result maps, under a key. */
    private enum Kind { INSTANCE, EBS_STORAGE, EBS_IOPS, PUBLIC_IPV4 }

    private record Target(Kind kind, String key) {}

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private Ec2OfferParser() {}

    /** @throws IOException on malformed or truncated JSON, or a document that is not an offer file */
    public static Ec2Offer parse(InputStream in) throws IOException {
        Map<String, Target> wanted = new HashMap<>();
        Map<String, Double> pricesBeforeProducts = new HashMap<>(); // JSON allows terms first; join at the end
        Map<Target, Double> prices = new HashMap<>();
        boolean productsSeen = false;
        boolean termsSeen = false;
        String version = null;
        String published = null;
        String offerCode = null;
        try (JsonParser p = FACTORY.createParser(in)) {
            p.setCodec(Json.MAPPER);
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "offerCode" -> offerCode = p.getValueAsString();
                    case "version" -> version = p.getValueAsString();
                    case "publicationDate" -> published = p.getValueAsString();
                    case "products" -> {
                        readProducts(p, wanted);
                        productsSeen = true;
                    }
                    case "terms" -> {
                        readTerms(p, productsSeen ? wanted : null, prices, pricesBeforeProducts);
                        termsSeen = true;
                    }
                    default -> p.skipChildren();
                }
            }
            expect(p, t, JsonToken.END_OBJECT);
            if (p.nextToken() != null) throw new IOException("unexpected content after the offer document");
        }
        if (offerCode != null && !"AmazonEC2".equals(offerCode)) {
            throw new IOException("offer file is for " + offerCode + ", not AmazonEC2");
        }
        if (!productsSeen || !termsSeen) throw new IOException("not an AWS Price List offer file (no products or terms)");
        pricesBeforeProducts.forEach((sku, price) -> {
            Target target = wanted.get(sku);
            if (target != null) prices.put(target, price);
        });
        Map<Kind, Map<String, Double>> byKind = new HashMap<>();
        for (Kind k : Kind.values()) byKind.put(k, new TreeMap<>());
        prices.forEach((target, price) -> byKind.get(target.kind()).put(target.key(), price));
        return new Ec2Offer(version, published, byKind.get(Kind.INSTANCE), byKind.get(Kind.EBS_STORAGE),
                byKind.get(Kind.EBS_IOPS), byKind.get(Kind.PUBLIC_IPV4));
    }

    private static void readProducts(JsonParser p, Map<String, Target> wanted) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            p.nextToken();
            JsonNode product = p.readValueAsTree();
            Target target = targetOf(product);
            if (target != null) wanted.put(product.path("sku").asText(), target);
        }
    }

    /** Which price a product is, or null for the many products labcloud does not report. */
    static Target targetOf(JsonNode product) {
        JsonNode a = product.path("attributes");
        String usage = a.path("usagetype").asText("");
        switch (product.path("productFamily").asText("")) {
            case "Compute Instance" -> {
                boolean keep = "Linux".equals(a.path("operatingSystem").asText())
                        && "Shared".equals(a.path("tenancy").asText())
                        && "NA".equals(a.path("preInstalledSw").asText())
                        && "Used".equals(a.path("capacitystatus").asText())
                        && a.hasNonNull("instanceType");
                return keep ? new Target(Kind.INSTANCE, a.path("instanceType").asText()) : null;
            }
            case "Storage" -> {
                String api = a.path("volumeApiName").asText(null);
                return api != null && usage.contains("EBS:VolumeUsage") ? new Target(Kind.EBS_STORAGE, api) : null;
            }
            case "Storage Snapshot" -> {
                // The standard tier only ("EBS:SnapshotUsage"); archive tier and others are separate usage types.
                return usage.endsWith("EBS:SnapshotUsage") ? new Target(Kind.EBS_STORAGE, "snapshot") : null;
            }
            case "System Operation" -> {
                String api = a.path("volumeApiName").asText(null);
                boolean iops = "EBS IOPS".equals(a.path("group").asText()) && usage.contains("IOPS");
                return api != null && iops ? new Target(Kind.EBS_IOPS, api) : null;
            }
            case "IP Address" -> {
                if (usage.endsWith("PublicIPv4:IdleAddress")) return new Target(Kind.PUBLIC_IPV4, "idleHourly");
                if (usage.endsWith("PublicIPv4:InUseAddress")) return new Target(Kind.PUBLIC_IPV4, "inUseHourly");
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Reads terms; {@code wanted} null means products come later, so every on-demand price is kept. */
    private static void readTerms(JsonParser p, Map<String, Target> wanted, Map<Target, Double> prices,
                                  Map<String, Double> early) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String termType = p.currentName();
            p.nextToken();
            if (!"OnDemand".equals(termType)) {
                p.skipChildren(); // Reserved etc.: skipped without building them
                continue;
            }
            expect(p, p.currentToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String sku = p.currentName();
                p.nextToken();
                if (wanted != null && !wanted.containsKey(sku)) {
                    p.skipChildren();
                    continue;
                }
                Double price = usdPrice(p.readValueAsTree());
                if (price == null) continue;
                if (wanted != null) prices.put(wanted.get(sku), price);
                else early.put(sku, price);
            }
        }
    }

    /**
     * The USD unit price among a SKU's on-demand terms. When the price is tiered by usage, the
     * open-ended ("Inf") tier is the list price; a free first tier is an allowance, not the rate.
     */
    private static Double usdPrice(JsonNode skuTerms) {
        Double first = null;
        for (JsonNode term : skuTerms) {
            for (JsonNode dim : term.path("priceDimensions")) {
                String usd = dim.path("pricePerUnit").path("USD").asText(null);
                if (usd == null) continue;
                double v;
                try {
                    v = Double.parseDouble(usd);
                } catch (NumberFormatException e) {
                    continue;
                }
                if ("Inf".equals(dim.path("endRange").asText("Inf"))) return v;
                if (first == null) first = v;
            }
        }
        return first;
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            var loc = p.currentLocation();
            throw new IOException("not an AWS Price List offer file: expected " + expected + " but found "
                    + (actual == null ? "end of input" : actual) + " at line " + loc.getLineNr() + ", column " + loc.getColumnNr());
        }
    }
}
