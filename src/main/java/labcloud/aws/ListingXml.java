package labcloud.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a ListObjectsV2 answer (ListBucketResult). The SDK builds an element tree and then model
 * objects from it: about 90 µs of CPU per key, most of a re-sync of 10,000 unchanged files; the
 * JDK's StAX reader still took 40 µs. Answers in the plain shape every store sends (no comments,
 * CDATA or namespace prefixes) are read by a direct scan that is checked against the element and
 * KeyCount totals; anything else goes to StAX. Keys sent URL-encoded (encoding-type=url, so that
 * any key survives XML) are decoded only when the store says it encoded them.
 */
final class ListingXml {
    private static final XMLInputFactory FACTORY = factory();

    private ListingXml() {}

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static S3ObjectIo.ListPage parse(byte[] xml) throws IOException {
        S3ObjectIo.ListPage page = scan(new String(xml, StandardCharsets.UTF_8));
        return page != null ? page : parseStax(xml);
    }

    /** The direct scan; null when the answer is not in the plain shape it reads. */
    static S3ObjectIo.ListPage scan(String xml) {
        if (!xml.contains("<ListBucketResult") || xml.contains("<![CDATA[") || xml.contains("<!--")) return null;
        try {
            List<S3ObjectIo.Listed> objects = new ArrayList<>();
            int end = xml.length();
            for (int i = xml.indexOf("<Contents>"); i >= 0; i = xml.indexOf("<Contents>", i)) {
                int close = xml.indexOf("</Contents>", i);
                if (close < 0) return null;
                String key = text(xml, "Key", i, close), size = text(xml, "Size", i, close);
                String modified = text(xml, "LastModified", i, close);
                if (key == null || size == null || modified == null) return null;
                objects.add(new S3ObjectIo.Listed(key, Long.parseLong(size.strip()), UtcTimestamp.parse(modified.strip()),
                        S3ObjectIo.unquote(text(xml, "ETag", i, close)), text(xml, "StorageClass", i, close)));
                i = close + "</Contents>".length();
            }
            List<String> prefixes = new ArrayList<>();
            for (int i = xml.indexOf("<CommonPrefixes>"); i >= 0; i = xml.indexOf("<CommonPrefixes>", i)) {
                int close = xml.indexOf("</CommonPrefixes>", i);
                if (close < 0) return null;
                String prefix = text(xml, "Prefix", i, close);
                if (prefix == null) return null;
                prefixes.add(prefix);
                i = close + "</CommonPrefixes>".length();
            }
            // every entry was read: no <x:Contents> or <Contents attr=...> that the scan passed over
            if (occurrences(xml, "Contents>") != 2 * objects.size()) return null;
            if (occurrences(xml, "CommonPrefixes>") != 2 * prefixes.size()) return null;
            String keyCount = text(xml, "KeyCount", 0, end);
            // stores count the common prefixes of a delimited listing with its keys, or not
            if (keyCount != null && !keyCount.strip().equals(Integer.toString(objects.size()))
                    && !keyCount.strip().equals(Integer.toString(objects.size() + prefixes.size()))) return null;
            boolean truncated = "true".equalsIgnoreCase(strip(text(xml, "IsTruncated", 0, end)));
            if ("url".equalsIgnoreCase(strip(text(xml, "EncodingType", 0, end)))) {
                decodeKeys(objects);
                prefixes.replaceAll(p -> URLDecoder.decode(p, StandardCharsets.UTF_8));
            }
            return new S3ObjectIo.ListPage(objects, truncated, strip(text(xml, "NextContinuationToken", 0, end)), prefixes);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null; // StAX reads it again and reports what is wrong
        }
    }

    /** Text of the first element called name between from and to, entities resolved; null if absent. */
    private static String text(String xml, String name, int from, int to) {
        String open = "<" + name + ">";
        int start = xml.indexOf(open, from);
        if (start < 0 || start >= to) return emptyElement(xml, name, from, to);
        start += open.length();
        int stop = xml.indexOf("</" + name + ">", start);
        if (stop < 0 || stop > to) return null;
        String raw = xml.substring(start, stop);
        return raw.indexOf('&') < 0 ? raw : unescape(raw);
    }

    /** "" for a self-closing {@code <name/>} in range (a StorageClass or ETag may be sent empty). */
    private static String emptyElement(String xml, String name, int from, int to) {
        int at = xml.indexOf("<" + name + "/>", from);
        return at >= 0 && at < to ? "" : null;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int semi;
            if (c != '&' || (semi = s.indexOf(';', i)) < 0) {
                b.append(c);
                continue;
            }
            String entity = s.substring(i + 1, semi);
            switch (entity) {
                case "amp" -> b.append('&');
                case "lt" -> b.append('<');
                case "gt" -> b.append('>');
                case "quot" -> b.append('"');
                case "apos" -> b.append('\'');
                default -> {
                    if (!entity.startsWith("#")) {
                        b.append(c);
                        continue;
                    }
                    boolean hex = entity.startsWith("#x") || entity.startsWith("#X");
                    b.appendCodePoint(Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10));
                }
            }
            i = semi;
        }
        return b.toString();
    }

    private static int occurrences(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) n++;
        return n;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static void decodeKeys(List<S3ObjectIo.Listed> objects) {
        objects.replaceAll(o -> new S3ObjectIo.Listed(URLDecoder.decode(o.key(), StandardCharsets.UTF_8), o.size(),
                o.lastModified(), o.etag(), o.storageClass()));
    }

    static S3ObjectIo.ListPage parseStax(byte[] xml) throws IOException {
        List<S3ObjectIo.Listed> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false, urlEncoded = false, inPrefixes = false;
        String key = null, etag = null, storageClass = null;
        long size = 0;
        Instant modified = null;
        boolean inContents = false, sawRoot = false;
        String nextToken = null;
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.END_ELEMENT && "CommonPrefixes".equals(r.getLocalName())) {
                        inPrefixes = false;
                        continue;
                    }
                    if (event == XMLStreamConstants.END_ELEMENT && "Contents".equals(r.getLocalName())) {
                        if (key == null) throw new IOException("a listing entry has no Key");
                        objects.add(new S3ObjectIo.Listed(key, size, modified, S3ObjectIo.unquote(etag), storageClass));
                        inContents = false;
                        continue;
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) continue;
                    String name = r.getLocalName();
                    if (!sawRoot) {
                        // a proxy's error page in well-formed XML must not read as an empty listing
                        if (!"ListBucketResult".equals(name)) throw new IOException("the store answered a listing with <" + name + ">");
                        sawRoot = true;
                        continue;
                    }
                    if (inPrefixes) {
                        if ("Prefix".equals(name)) prefixes.add(r.getElementText());
                    } else if (inContents) {
                        switch (name) {
                            case "Key" -> key = r.getElementText();
                            case "Size" -> size = Long.parseLong(r.getElementText().strip());
                            case "LastModified" -> modified = UtcTimestamp.parse(r.getElementText().strip());
                            case "ETag" -> etag = r.getElementText();
                            case "StorageClass" -> storageClass = r.getElementText();
                            default -> { }
                        }
                    } else {
                        switch (name) {
                            case "Contents" -> {
                                inContents = true;
                                key = etag = storageClass = null;
                                size = 0;
                                modified = null;
                            }
                            case "CommonPrefixes" -> inPrefixes = true;
                            case "IsTruncated" -> truncated = Boolean.parseBoolean(r.getElementText().strip());
                            case "NextContinuationToken" -> nextToken = r.getElementText().strip();
                            case "EncodingType" -> urlEncoded = "url".equalsIgnoreCase(r.getElementText().strip());
                            default -> { }
                        }
                    }
                }
            } finally {
                r.close();
            }
            if (!sawRoot) throw new IOException("the store's answer to a listing was empty");
            if (urlEncoded) { // EncodingType may come after the entries
                decodeKeys(objects);
                prefixes.replaceAll(p -> URLDecoder.decode(p, StandardCharsets.UTF_8));
            }
        } catch (XMLStreamException | IllegalArgumentException | DateTimeParseException e) {
            throw new IOException("unreadable listing from the store: " + e.getMessage(), e);
        }
        return new S3ObjectIo.ListPage(objects, truncated, nextToken, prefixes);
    }
}
