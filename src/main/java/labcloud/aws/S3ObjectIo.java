package labcloud.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The data plane of S3: PutObject, UploadPart and (ranged) GetObject, signed with SigV4 here and
 * sent with {@link Http1Client}. For 10,000 small files the SDK's per-request pipeline
 * (interceptors, marshalling, metrics) cost more CPU than the store took to answer; for large
 * bodies over plain http the SDK also hashes every byte with SHA-256 for the signature, where
 * this path signs the Content-MD5 it sends anyway. Plain listings come here too: the SDK's XML
 * unmarshalling cost ~90 µs of CPU per key. Everything else (multipart bookkeeping, copies,
 * deletes, delimited listings) stays on the SDK client.
 *
 * <p>Failures are thrown as the SDK's own {@link S3Exception}s (with the operation attached as an
 * {@link AwsCall}), so callers and {@link AwsErrors} treat both paths alike. 5xx answers,
 * throttling, request timeouts and dropped connections are retried with jittered backoff; a
 * request is never retried after its response body has started to arrive.
 */
public final class S3ObjectIo {
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]*)</UploadId>");
    private static final Pattern ETAG = Pattern.compile("<ETag>([^<]*)</ETag>");
    private static final String META = "x-amz-meta-";
    /** Bucket names that can go in the host name: dots break TLS wildcard certificates, upper case is no host name. */
    /** The largest listing page read: 1,000 keys of up to 1 KiB, URL-encoded, with their fields fit well below. */
    static final int MAX_LIST_PAGE_BYTES = 8 * 1024 * 1024;
    /** The largest answer body to an upload (S3 sends none, or a short XML one). */
    private static final long MAX_UPLOAD_ANSWER_BYTES = 64 * 1024;
    /** How much of an error answer is read for its code and message; the rest is not waited for. */
    private static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final Pattern VIRTUAL_HOSTABLE = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private final Http1Client http;
    private final Supplier<AwsCredentials> credentials;
    private final String region;
    private final boolean tls;
    private final String endpointHost;
    /** The port to connect to, and the one the Host header names (-1: the scheme's default, not named). */
    private final int port;
    private final int explicitPort;
    /** The endpoint's own path, without a trailing slash ("" for none). */
    private final String basePath;
    private final boolean pathStyle;
    private final int maxAttempts;
    private final SigV4 signer;
    /** Server time minus ours, learnt from a RequestTimeTooSkewed answer. */
    private volatile Duration clockSkew = Duration.ZERO;

    /**
     * @param endpoint  scheme, host and port of the store, e.g. https://s3.eu-west-1.amazonaws.com
     * @param pathStyle bucket in the path (S3-compatible stores) instead of in the host name
     */
    S3ObjectIo(Http1Client http, Supplier<AwsCredentials> credentials, String region, URI endpoint,
               boolean pathStyle, int maxAttempts) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.tls = "https".equalsIgnoreCase(endpoint.getScheme());
        this.endpointHost = endpoint.getHost();
        this.explicitPort = endpoint.getPort();
        this.port = explicitPort >= 0 ? explicitPort : tls ? 443 : 80;
        String raw = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        this.basePath = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        this.pathStyle = pathStyle;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.signer = new SigV4(region, "s3");
    }

    /** An object's body being read, with what its response headers said. Close it when done. */
    public record Download(InputStream body, long contentLength, String etag, Map<String, String> metadata)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** Uploads a whole object; returns its ETag without quotes. */
    public String putObject(String bucket, String key, byte[] data, byte[] md5, Map<String, String> metadata) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-md5", Base64.getEncoder().encodeToString(md5));
        headers.put("content-type", "application/octet-stream");
        metadata.forEach((k, v) -> headers.put(META + k.toLowerCase(Locale.ROOT), v));
        return etagOf(send("PutObject", "PUT", bucket, key, null, headers, data, MAX_UPLOAD_ANSWER_BYTES));
    }

    /** Uploads one part of a multipart upload; returns its ETag without quotes. */
    public String uploadPart(String bucket, String key, String uploadId, int partNumber, byte[] data, byte[] md5) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-md5", Base64.getEncoder().encodeToString(md5));
        String query = "partNumber=" + partNumber + "&uploadId=" + SigV4.uriEncode(uploadId, false);
        return etagOf(send("UploadPart", "PUT", bucket, key, query, headers, data, MAX_UPLOAD_ANSWER_BYTES));
    }

    /**
     * Starts a multipart upload with the given user metadata; returns its upload id. Here rather
     * than on the SDK client, which a transfer otherwise never needs (building it costs ~0.3 s of CPU).
     */
    public String createMultipartUpload(String bucket, String key, Map<String, String> metadata) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/octet-stream");
        metadata.forEach((k, v) -> headers.put(META + k.toLowerCase(Locale.ROOT), v));
        String xml = answer("CreateMultipartUpload", send("CreateMultipartUpload", "POST", bucket, key, "uploads=", headers,
                new byte[0], MAX_UPLOAD_ANSWER_BYTES));
        String id = find(UPLOAD_ID, xml);
        if (id == null || id.isBlank()) throw failure("CreateMultipartUpload", clientError(new IOException("the store's answer names no upload id")));
        return xmlText(id);
    }

    /**
     * Completes a multipart upload from its parts' ETags (unquoted, by part number, in order);
     * returns the object's ETag without quotes. S3 can answer 200 and still fail (an Error
     * document in the body): that is a failure here too.
     */
    public String completeMultipartUpload(String bucket, String key, String uploadId, Map<Integer, String> etags) {
        StringBuilder body = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        etags.forEach((n, tag) -> body.append("<Part><PartNumber>").append(n).append("</PartNumber><ETag>&quot;")
                .append(xmlEscape(tag)).append("&quot;</ETag></Part>"));
        body.append("</CompleteMultipartUpload>");
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/xml");
        String query = "uploadId=" + SigV4.uriEncode(uploadId, false);
        Http1Client.Response r = send("CompleteMultipartUpload", "POST", bucket, key, query, headers,
                body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), MAX_UPLOAD_ANSWER_BYTES);
        String xml = answer("CompleteMultipartUpload", r);
        if (xml.contains("<Error>")) {
            String code = find(CODE, xml), message = find(MESSAGE, xml);
            AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code == null ? "InternalError" : code)
                    .errorMessage(message == null ? "the store failed to complete the upload" : message).serviceName("S3").build();
            throw failure("CompleteMultipartUpload", (S3Exception) S3Exception.builder().statusCode(500).awsErrorDetails(details)
                    .message(details.errorMessage()).build());
        }
        String etag = find(ETAG, xml);
        return unquote(etag != null ? xmlText(etag).replace("&quot;", "\"") : r.header("etag"));
    }

    /** The (short) XML body of a successful answer. */
    private String answer(String operation, Http1Client.Response r) {
        try (InputStream in = r.body()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure(operation, clientError(e));
        }
    }

    private static String xmlText(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&amp;", "&");
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Starts reading a whole object of the size a listing gave. Its body may not be longer than
     * that (reading past it fails), and with {@code ifMatch} an object replaced since the
     * listing fails with 412 instead of being read whole.
     */
    public Download getObject(String bucket, String key, long listedSize, String ifMatch) {
        return get(bucket, key, null, ifMatch, listedSize);
    }

    /**
     * Starts reading bytes {@code first..last} of an object. With {@code ifMatch}, a changed object
     * fails with 412 instead of mixing two versions.
     */
    public Download getRange(String bucket, String key, long first, long last, String ifMatch) {
        return get(bucket, key, "bytes=" + first + "-" + last, ifMatch, last - first + 1);
    }

    private Download get(String bucket, String key, String range, String ifMatch, long expected) {
        Map<String, String> headers = new HashMap<>();
        if (range != null) headers.put("range", range);
        if (ifMatch != null) headers.put("if-match", "\"" + ifMatch + "\"");
        Http1Client.Response r = send("GetObject", "GET", bucket, key, null, headers, null, expected);
        Map<String, String> meta = new HashMap<>();
        r.headers().forEach((name, value) -> {
            if (name.startsWith(META)) meta.put(name.substring(META.length()), value);
        });
        String length = r.header("content-length");
        long declared = -1;
        try {
            declared = length == null ? -1 : Long.parseLong(length); // already checked by Http1Client unless chunked
        } catch (NumberFormatException ignored) {
            // chunked answers ignore Content-Length
        }
        return new Download(r.body(), declared, unquote(r.header("etag")), meta);
    }

    /** One object as a listing names it; the ETag without quotes. */
    public record Listed(String key, long size, Instant lastModified, String etag, String storageClass) {}

    /**
     * One page of a listing; {@code truncated} if more keys follow the last one, and then
     * {@code nextToken} the continuation token for the next page (null if the store sent none);
     * {@code prefixes}: the common prefixes of a delimited listing (the folders it rolled up).
     */
    public record ListPage(List<Listed> objects, boolean truncated, String nextToken, List<String> prefixes) {
        public ListPage(List<Listed> objects, boolean truncated, String nextToken) {
            this(objects, truncated, nextToken, List.of());
        }
    }

    /**
     * One ListObjectsV2 page (up to 1,000 keys, no delimiter): keys under {@code prefix} that sort
     * after {@code startAfter}, or, with {@code token}, the page that token continues (any of the
     * three may be null; start-after and a token are never sent together, S3Proxy refuses that).
     */
    public ListPage listObjects(String bucket, String prefix, String startAfter, String token) {
        return listObjects(bucket, prefix, startAfter, token, null);
    }

    /** As above, with keys past the prefix that hold {@code delimiter} rolled up into {@link ListPage#prefixes}. */
    public ListPage listObjects(String bucket, String prefix, String startAfter, String token, String delimiter) {
        StringBuilder q = new StringBuilder();
        if (delimiter != null) q.append("delimiter=").append(SigV4.uriEncode(delimiter, false)).append('&');
        q.append("encoding-type=url&list-type=2");
        if (prefix != null && !prefix.isEmpty()) q.append("&prefix=").append(SigV4.uriEncode(prefix, false));
        if (token != null) q.append("&continuation-token=").append(SigV4.uriEncode(token, false));
        else if (startAfter != null) q.append("&start-after=").append(SigV4.uriEncode(startAfter, false));
        for (int attempt = 1; ; attempt++) {
            Http1Client.Response r = send("ListObjectsV2", "GET", bucket, "", q.toString(), Map.of(), null, MAX_LIST_PAGE_BYTES);
            byte[] xml;
            try (InputStream in = r.body()) {
                xml = in.readAllBytes();
            } catch (IOException e) {
                // the answer was cut off: nothing was consumed yet, so the page is asked for again
                if (Thread.currentThread().isInterrupted() || attempt >= maxAttempts) throw failure("ListObjectsV2", clientError(e));
                backoff(attempt, false);
                continue;
            }
            try {
                return ListingXml.parse(xml);
            } catch (IOException e) {
                throw failure("ListObjectsV2", clientError(e));
            }
        }
    }

    // ---- one request, with retries ---------------------------------------------------------------

    private Http1Client.Response send(String operation, String method, String bucket, String key, String query,
                                      Map<String, String> extraHeaders, byte[] body, long maxBody) {
        for (int attempt = 1; ; attempt++) {
            Http1Client.Response r;
            try {
                r = exchange(method, bucket, key, query, extraHeaders, body, maxBody);
            } catch (IOException e) {
                // a reset, a refused or dropped connection, a timeout: the request may be sent again as a whole
                if (Thread.currentThread().isInterrupted() || attempt >= maxAttempts) throw failure(operation, clientError(e));
                backoff(attempt, false);
                continue;
            }
            int status = r.status();
            if (status / 100 == 2) return r;
            S3Exception error = errorOf(r, bucket);
            String code = error.awsErrorDetails().errorCode();
            if ("RequestTimeTooSkewed".equals(code)) learnSkew(r.header("date"));
            boolean throttled = status == 503 || "SlowDown".equals(code) || status == 429;
            boolean retryable = throttled || status >= 500 || "RequestTimeout".equals(code)
                    || "RequestTimeTooSkewed".equals(code);
            if (!retryable || attempt >= maxAttempts) throw failure(operation, error);
            backoff(attempt, throttled);
        }
    }

    private Http1Client.Response exchange(String method, String bucket, String key, String query,
                                          Map<String, String> extraHeaders, byte[] body, long maxBody) throws IOException {
        boolean virtualHost = !pathStyle && VIRTUAL_HOSTABLE.matcher(bucket).matches();
        String host = virtualHost ? bucket + "." + endpointHost : endpointHost;
        String hostHeader = explicitPort < 0 ? host : host + ":" + explicitPort;
        String path = basePath + (virtualHost ? "" : "/" + SigV4.uriEncode(bucket, false)) + "/" + SigV4.uriEncode(key, true);
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("host", hostHeader);
        signer.sign(method, path, query, headers, body == null ? SigV4.EMPTY_SHA256 : SigV4.UNSIGNED_PAYLOAD,
                credentials.get(), Instant.now().plus(clockSkew));
        return http.send(tls, host, port, method, path + (query == null ? "" : "?" + query), headers, body, maxBody);
    }

    private void backoff(int attempt, boolean throttled) {
        long base = throttled ? 500 : 100;
        long cap = Math.min(20_000, base << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void learnSkew(String date) {
        if (date == null) return;
        try {
            Instant server = java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            clockSkew = Duration.between(Instant.now(), server);
        } catch (java.time.format.DateTimeParseException ignored) {
            // no usable Date header: the retry fails the same way and is reported
        }
    }

    // ---- answers ---------------------------------------------------------------------------------

    /** Reads the (empty) body to its end so that the connection goes back to the pool. */
    private static String etagOf(Http1Client.Response r) {
        try (InputStream in = r.body()) {
            // not transferTo: it allocates a 16 KiB buffer per call, here once per uploaded file
            byte[] rest = new byte[64];
            while (in.read(rest) >= 0) {
                // an upload's answer has an empty body (or a short XML one); nothing in it is needed
            }
        } catch (IOException ignored) {
            // the upload succeeded; only the connection is lost
        }
        return unquote(r.header("etag"));
    }

    /** An ETag without its quotes (S3 sends them quoted). */
    public static String unquote(String etag) {
        if (etag == null) return null;
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    private S3Exception errorOf(Http1Client.Response r, String bucket) {
        String xml;
        try (InputStream in = r.body()) {
            // closing an unfinished body closes the connection: a body without end is not waited for
            xml = new String(in.readNBytes(MAX_ERROR_BYTES), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            xml = "";
        }
        int status = r.status();
        String code = find(CODE, xml);
        String message = find(MESSAGE, xml);
        if (code == null) code = switch (status) {
            case 404 -> "NoSuchKey";
            case 403 -> "AccessDenied";
            case 412 -> "PreconditionFailed";
            case 503 -> "SlowDown";
            default -> "HTTP" + status;
        };
        if (status == 301 || "PermanentRedirect".equals(code)) {
            String where = r.header("x-amz-bucket-region");
            message = "bucket " + bucket + " is in another region" + (where == null ? "" : " (" + where
                    + "): pass --region " + where);
        }
        if (status == 407 || status == 401 && r.viaProxy() && r.header("x-amz-request-id") == null) {
            code = "ProxyAuthenticationRequired";
            message = "the HTTP proxy refused the request (HTTP " + status + "): check the user and password in HTTPS_PROXY/HTTP_PROXY";
        }
        if (message == null) message = "HTTP " + status;
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("S3").build();
        var b = "NoSuchKey".equals(code) ? NoSuchKeyException.builder() : S3Exception.builder();
        return (S3Exception) b.statusCode(status).awsErrorDetails(details)
                .requestId(r.header("x-amz-request-id"))
                .message(message).build();
    }

    private static String find(Pattern p, String xml) {
        Matcher m = p.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static software.amazon.awssdk.core.exception.SdkClientException clientError(Exception e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return software.amazon.awssdk.core.exception.SdkClientException.builder()
                .message("Unable to execute HTTP request: " + what).cause(e).build();
    }

    private RuntimeException failure(String operation, RuntimeException e) {
        e.addSuppressed(new AwsCall("S3", operation, region));
        return e;
    }
}
