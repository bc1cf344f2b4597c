package labcloud.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Makes SDK clients, each once per service and region: credentials, region, endpoint override and
 * the retry policy applied alike, on the shared connection pool.
 */
final class ClientFactory implements AutoCloseable {
    private final AwsConfig config;
    private final Credentials credentials;
    private final Endpoints endpoints;
    private final RetryPolicy retries;
    private final HttpPools http;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    ClientFactory(AwsConfig config, Credentials credentials, Endpoints endpoints, RetryPolicy retries, HttpPools http) {
        this.config = config;
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.retries = retries;
        this.http = http;
    }

    /** The cached client of {@code service} in {@code region}; {@code envName} names its AWS_ENDPOINT_URL_* variable. */
    @SuppressWarnings("unchecked")
    <C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C client(
            String service, String region, String envName, Supplier<B> builder) {
        Regions.validate(region);
        return (C) clients.computeIfAbsent(service + "/" + region, k -> {
            B b = builder.get();
            configure(b, region, envName);
            b.httpClient(http.api());
            return b.build();
        });
    }

    /** Applies credentials, region, endpoint and the retry policy to any client builder. */
    <B extends AwsClientBuilder<B, ?>> B configure(B b, String region, String envName) {
        b.credentialsProvider(credentials.provider());
        if (!(b instanceof IamClientBuilder)) b.region(Region.of(region));
        endpoints.override(envName).ifPresent(b::endpointOverride);
        b.overrideConfiguration(retries.apiCalls());
        return b;
    }

    /**
     * An S3 client for a bucket's region. With an endpoint override or --compat it uses
     * path-style addressing and sends checksums only where the API requires them, which
     * S3-compatible stores (S3Proxy, Ceph, MinIO, R2) need.
     */
    S3Client s3(String region) {
        return client("s3", region, "S3", () -> {
            var b = S3Client.builder();
            configureS3(b);
            return b;
        });
    }

    /** An S3 client for bulk transfers: standard retries and a connection pool of its own sized for many parallel requests. */
    S3Client s3ForTransfers(String region) {
        Regions.validate(region);
        return (S3Client) clients.computeIfAbsent("s3-transfer/" + region, k -> {
            var b = S3Client.builder();
            configureS3(b);
            // Over plain http the SDK signs every body in 128 KiB aws-chunked pieces (a copy and an
            // HMAC each); one SHA-256 over the body costs far less. Bodies carry Content-MD5 anyway.
            b.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle())
                    .chunkedEncodingEnabled(false).build());
            configure(b, region, "S3");
            b.overrideConfiguration(retries.transfers());
            b.httpClient(http.transfer());
            return b.build();
        });
    }

    private boolean pathStyle() {
        return config.settings().compat() || endpoints.s3Overridden();
    }

    private void configureS3(S3ClientBuilder b) {
        if (pathStyle()) b.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        if (config.settings().compat()) {
            b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // closing is best effort
            }
        });
        clients.clear();
    }
}
