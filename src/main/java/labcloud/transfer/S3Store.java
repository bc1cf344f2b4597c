package labcloud.transfer;

import labcloud.aws.AwsContext;
import labcloud.aws.S3ObjectIo;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3 endpoint with its clients: the SDK for listing, multipart bookkeeping, copies and deletes,
 * and the lean object I/O path for the bytes themselves.
 *
 * @param id          identifies the endpoint and credentials: copies within one id are server-side
 * @param awsPriced   true for AWS S3 itself (s3:// URLs), where downloads to outside AWS are billed
 *                    as egress; named remotes are other providers with their own pricing
 */
public record S3Store(String id, AwsContext aws, S3Client client, S3ObjectIo objects, String region, boolean awsPriced) {}
