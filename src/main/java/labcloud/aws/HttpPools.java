package labcloud.aws;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The HTTP connection pools, each made on first use: one shared by every API client, one sized
 * for bulk S3 transfers through the SDK, and the S3 data path's own HTTP/1.1 client.
 */
final class HttpPools implements AutoCloseable {
    private final AwsConfig config;
    private volatile SdkHttpClient api;
    private volatile SdkHttpClient transfer;
    private volatile Http1Client objects;

    HttpPools(AwsConfig config) {
        this.config = config;
    }

    SdkHttpClient api() {
        if (api == null) {
            synchronized (this) {
                if (api == null) {
                    api = ApacheHttpClient.builder()
                            .maxConnections(128)
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(60))
                            .build();
                }
            }
        }
        return api;
    }

    SdkHttpClient transfer() {
        if (transfer == null) {
            synchronized (this) {
                if (transfer == null) {
                    transfer = ApacheHttpClient.builder()
                            .maxConnections(256)
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(60))
                            .tcpKeepAlive(true)
                            .build();
                }
            }
        }
        return transfer;
    }

    Http1Client objects() {
        if (objects == null) {
            synchronized (this) {
                if (objects == null) {
                    objects = new Http1Client(Duration.ofSeconds(5), readTimeout(), ProxySettings.from(config.env()));
                }
            }
        }
        return objects;
    }

    /**
     * How long the object data path waits for the next byte (LABCLOUD_READ_TIMEOUT seconds,
     * default 60); each attempt's total deadline is derived from it and the bytes it moves.
     */
    private Duration readTimeout() {
        String v = config.env().get("LABCLOUD_READ_TIMEOUT").orElse(null);
        if (v == null || v.isBlank()) return Duration.ofSeconds(60);
        try {
            long s = Long.parseLong(v.strip());
            if (s >= 1 && s <= 3600) return Duration.ofSeconds(s);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new labcloud.core.UsageException("LABCLOUD_READ_TIMEOUT must be a whole number of seconds from 1 to 3600, not '" + v + "'");
    }

    @Override
    public void close() {
        if (api != null) api.close();
        if (transfer != null) transfer.close();
        if (objects != null) objects.close();
    }
}
