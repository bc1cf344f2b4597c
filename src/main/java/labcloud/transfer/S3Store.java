package labcloud.transfer;

import java.util.function.Supplier;
import labcloud.aws.AwsContext;
import labcloud.aws.S3ObjectIo;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3 endpoint with its clients: the lean object I/O path for the bytes themselves and plain
 * listings, and the SDK for multipart bookkeeping, copies and deletes. The SDK client is built
 * when first needed: a sync of small files never needs it, and building it costs ~0.3 s of CPU.
 *
 * @param id          identifies the endpoint and credentials: copies within one id are server-side
 * @param awsPriced   true for AWS S3 itself (s3:// URLs), where downloads to outside AWS are billed
 *                    as egress; named remotes are other providers with their own pricing
 */
public record S3Store(String id, AwsContext aws, Supplier<S3Client> sdk, S3ObjectIo objects, String region, boolean awsPriced) {
    public S3Client client() {
        return sdk.get();
    }

    /** True for AWS S3 itself, not another store put in its place with an endpoint. */
    public boolean isAmazon() {
        return awsPriced && aws.endpoint("S3").isEmpty();
    }
}
