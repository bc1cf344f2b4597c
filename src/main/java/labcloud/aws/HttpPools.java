package labcloud.aws;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The HTTP connection pools, each made on first use: one shared by every API client, one sized
 * for bulk S3 transfers through the SDK, and the S3 data path's own HTTP/1.1 client.
 */
final class HttpPools implements AutoCloseable {
    private volatile SdkHttpClient api;
    private volatile SdkHttpClient transfer;
    private volatile Http1Client objects;

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
                if (objects == null) objects = new Http1Client(Duration.ofSeconds(5), Duration.ofSeconds(60));
            }
        }
        return objects;
    }

    @Override
    public void close() {
        if (api != null) api.close();
        if (transfer != null) transfer.close();
        if (objects != null) objects.close();
    }
}
