package labcloud.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import labcloud.aws.AwsErrors;
import labcloud.core.Workers;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Deletes keys in one bucket: DeleteObjects, 1,000 keys a request. In --compat mode one
 * DeleteObject per key instead (32 at a time), because DeleteObjects requires a checksum header
 * and the SDK now sends x-amz-checksum-crc32, which S3Proxy and older Ceph reject.
 */
final class BatchDelete {
    private BatchDelete() {}

    static List<TransferReport.Failure> delete(S3Store store, String bucket, List<String> keys) {
        ConcurrentLinkedQueue<TransferReport.Failure> failures = new ConcurrentLinkedQueue<>();
        if (store.aws().settings().compat()) {
            Semaphore inFlight = new Semaphore(32);
            try (ExecutorService pool = Workers.pool("delete")) {
                for (String key : keys) {
                    inFlight.acquireUninterruptibly();
                    pool.submit(() -> {
                        try {
                            store.client().deleteObject(b -> b.bucket(bucket).key(key));
                        } catch (RuntimeException e) {
                            if (AwsErrors.isAuth(e)) throw e;
                            failures.add(new TransferReport.Failure(key, "delete failed: " + AwsErrors.classify(e).getMessage()));
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            return new ArrayList<>(failures);
        }
        for (int i = 0; i < keys.size(); i += 1000) {
            List<ObjectIdentifier> ids = keys.subList(i, Math.min(keys.size(), i + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            try {
                var resp = store.client().deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build()));
                resp.errors().forEach(e -> failures.add(new TransferReport.Failure(e.key(), "delete failed: " + e.code())));
            } catch (RuntimeException e) {
                if (AwsErrors.isAuth(e)) throw AwsErrors.classify(e);
                String msg = AwsErrors.classify(e).getMessage();
                ids.forEach(id -> failures.add(new TransferReport.Failure(id.key(), "delete failed: " + msg)));
            }
        }
        return new ArrayList<>(failures);
    }
}
