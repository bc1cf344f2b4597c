package labcloud.transfer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import labcloud.aws.AwsContext;
import labcloud.core.UsageException;

/** rm: deletes one object, or every object below a prefix that the filters accept. */
public final class Remover {
    private final Locations locations;

    public Remover(Locations locations) {
        this.locations = locations;
    }

    public record Result(List<String> keys, long bytes, List<TransferReport.Failure> failures, boolean applied) {}

    public Result remove(TransferUrl url, boolean recursive, Filters filters, boolean apply) {
        if (url.isLocal()) throw new UsageException("'" + url + "': rm deletes objects in S3; use your shell for local files");
        S3Store store = locations.store(url);
        List<String> keys = new ArrayList<>();
        long bytes = 0;
        if (recursive) {
            String prefix = url.key().isEmpty() || url.key().endsWith("/") ? url.key() : url.key() + "/";
            Iterator<ObjectEntry> it = S3Listing.list(store, url.bucket(), prefix);
            while (it.hasNext()) {
                ObjectEntry e = it.next();
                if (!filters.accepts(e.key())) continue;
                keys.add(prefix + e.key());
                bytes += e.size();
            }
        } else {
            if (url.key().isEmpty() || url.key().endsWith("/")) {
                throw new UsageException("'" + url + "' names a prefix (use --recursive)");
            }
            var h = AwsContext.call(() -> {
                try {
                    return store.client().headObject(b -> b.bucket(url.bucket()).key(url.key()));
                } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
                    return null;
                }
            });
            if (h == null) throw new UsageException("'" + url + "': no such object");
            keys.add(url.key());
            bytes = h.contentLength();
        }
        List<TransferReport.Failure> failures = new ArrayList<>();
        if (apply) failures.addAll(BatchDelete.delete(store, url.bucket(), keys));
        return new Result(keys, bytes, failures, apply);
    }
}
