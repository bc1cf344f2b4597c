package labcloud.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsErrors;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * cleanup: finds multipart uploads started before a cutoff and never completed (their parts are
 * billed as storage but invisible in listings) and, when applied, aborts them and forgets their
 * journals.
 */
public final class MultipartCleanup {
    private final Locations locations;
    private final UploadJournal journal;

    public MultipartCleanup(Locations locations, UploadJournal journal) {
        this.locations = locations;
        this.journal = journal;
    }

    public record Stale(String bucket, String key, String uploadId, Instant initiated, boolean aborted, String error) {}

    public List<Stale> run(TransferUrl url, Duration olderThan, boolean apply) {
        S3Store store = locations.store(url);
        List<String> buckets = url.bucket() == null || url.bucket().isEmpty()
                ? AwsContext.call(() -> store.client().listBuckets().buckets().stream().map(b -> b.name()).toList())
                : List.of(url.bucket());
        Instant cutoff = Instant.now().minus(olderThan);
        List<Stale> out = new ArrayList<>();
        for (String bucket : buckets) {
            String prefix = url.key() == null || url.key().isEmpty() ? null : url.key();
            for (var page : AwsContext.call(() -> store.client().listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix)))) {
                for (MultipartUpload u : page.uploads()) {
                    if (u.initiated() != null && u.initiated().isAfter(cutoff)) continue;
                    if (!apply) {
                        out.add(new Stale(bucket, u.key(), u.uploadId(), u.initiated(), false, null));
                        continue;
                    }
                    try {
                        store.client().abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
                        journal.all().stream().filter(j -> j.uploadId().equals(u.uploadId())).forEach(UploadJournal::delete);
                        out.add(new Stale(bucket, u.key(), u.uploadId(), u.initiated(), true, null));
                    } catch (RuntimeException e) {
                        if (AwsErrors.isAuth(e)) throw AwsErrors.classify(e);
                        out.add(new Stale(bucket, u.key(), u.uploadId(), u.initiated(), false, AwsErrors.classify(e).getMessage()));
                    }
                }
            }
        }
        return out;
    }
}
