package labcloud.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.List;
import labcloud.aws.AwsContext;
import labcloud.core.Environment;
import labcloud.core.ProgressListener;
import labcloud.core.UsageException;
import labcloud.store.SqliteNative;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The data mover's entry point for cp and sync: resolves locations, builds plans, runs them.
 */
public final class DataMover implements AutoCloseable {
    private final Locations locations;
    private final TransferSettings settings;
    private final UploadJournal journal;
    private final Path labcloudDir;
    private DigestCache digests;

    public DataMover(AwsContext aws, Environment env, TransferSettings settings) {
        this.locations = new Locations(aws, new Remotes(env));
        this.settings = settings;
        this.journal = journalFor(env);
        this.labcloudDir = env.labcloudDir();
    }

    /** The checksum cache, opened on first use (a sync with a local side). */
    private synchronized DigestCache digests() {
        if (digests == null && settings.rehash()) {
            digests = DigestCache.disabled();
        } else if (digests == null) {
            SqliteNative.prepare(labcloudDir);
            digests = DigestCache.open(labcloudDir.resolve("transfer").resolve("digests.db"));
        }
        return digests;
    }

    public static UploadJournal journalFor(Environment env) {
        return new UploadJournal(env.labcloudDir().resolve("transfer").resolve("uploads"));
    }

    public Locations locations() {
        return locations;
    }

    public Side side(TransferUrl url) {
        return url.isLocal() ? Side.local(url) : Side.s3(url, locations.store(url));
    }

    /** sync: make the destination tree equal to the source tree (deleting extras only with delete). */
    public TransferJob sync(TransferUrl src, TransferUrl dst, Filters filters, CompareMode mode, boolean delete) {
        Side from = side(src), to = side(dst);
        if (from.isLocal() && !Files.isDirectory(from.localRoot())) {
            throw new UsageException("'" + src + "' is not a directory (sync copies directory trees; use cp for one file)");
        }
        if (to.isLocal() && Files.exists(to.localRoot()) && !Files.isDirectory(to.localRoot())) {
            throw new UsageException("'" + dst + "' exists and is not a directory");
        }
        return new TransferJob(from, to, () -> new SyncPlanner(from, to, filters, mode, delete, digests()));
    }

    /** cp: one file or object, or with recursive a whole tree (copied whether or not it changed). */
    public TransferJob copy(TransferUrl src, TransferUrl dst, boolean recursive, Filters filters) {
        if (recursive) {
            Side from = side(src), to = side(dst);
            if (from.isLocal() && !Files.isDirectory(from.localRoot())) {
                throw new UsageException("'" + src + "' is not a directory");
            }
            return new TransferJob(from, to, () -> new SyncPlanner(from, to, filters, CompareMode.ALWAYS, false));
        }
        Side from = side(src), to = side(dst);
        ObjectEntry entry = single(src, from);
        String name = entry.key();
        Ref toRef;
        if (dst.isLocal()) {
            Path p = dst.local();
            boolean intoDirectory = Files.isDirectory(p) || dst.text().endsWith("/");
            if (intoDirectory && (name.isEmpty() || name.equals(".") || name.equals(".."))) {
                throw new UsageException("'" + src + "' ends in '" + name + "': name the local file to write, e.g. ./data.bin");
            }
            toRef = new Ref.Local(intoDirectory ? p.resolve(name) : p);
        } else {
            String key = dst.key().isEmpty() || dst.key().endsWith("/") ? dst.key() + name : dst.key();
            toRef = new Ref.S3(to.store(), dst.bucket(), key);
        }
        Ref fromRef = from.isLocal() ? new Ref.Local(src.local())
                : new Ref.S3(from.store(), src.bucket(), src.key());
        PlanItem item = new PlanItem.Copy(entry, fromRef, toRef, "copy");
        return new TransferJob(from, to, () -> List.of(item).iterator());
    }

    /** The one file or object a non-recursive cp names; its key is the file name. */
    private static ObjectEntry single(TransferUrl src, Side from) {
        if (src.isLocal()) {
            Path p = src.local();
            if (Files.isDirectory(p)) throw new UsageException("'" + src + "' is a directory (use --recursive)");
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                return ObjectEntry.local(p.getFileName().toString(), a.size(), a.lastModifiedTime().toInstant());
            } catch (IOException e) {
                throw new UsageException("'" + src + "': no such file");
            }
        }
        if (src.key().isEmpty() || src.key().endsWith("/")) {
            throw new UsageException("'" + src + "' names a prefix, not an object (use --recursive)");
        }
        HeadObjectResponse h;
        try {
            h = from.store().client().headObject(b -> b.bucket(src.bucket()).key(src.key()));
        } catch (NoSuchKeyException e) {
            throw new UsageException("'" + src + "': no such object (use --recursive for a prefix)");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) throw new UsageException("'" + src + "': no such object (use --recursive for a prefix)");
            throw labcloud.aws.AwsErrors.classify(e);
        }
        String name = src.key().substring(src.key().lastIndexOf('/') + 1);
        return new ObjectEntry(name, h.contentLength(), h.lastModified(), S3Listing.unquote(h.eTag()), h.storageClassAsString());
    }

    public EgressGuard.Check egressCheck(TransferJob job, long threshold, EgressPricing pricing) {
        return new EgressGuard(pricing).check(job.from(), job.plan().get(), threshold);
    }

    public TransferReport run(TransferJob job, ProgressListener progress) {
        Iterator<PlanItem> plan = job.plan().get();
        DigestCache cache = job.from().isLocal() != job.to().isLocal() ? digests() : DigestCache.disabled();
        TransferReport r = new TransferEngine(settings, journal, cache).run(plan, progress);
        if (plan instanceof SyncPlanner sp) {
            return new TransferReport(r.copied(), r.bytes(), r.unchanged() + sp.unchanged(), r.deleted(), r.failures(),
                    r.planned(), r.seconds(), r.dryRun(), r.checksummed());
        }
        return r;
    }

    @Override
    public void close() {
        locations.close();
        synchronized (this) {
            if (digests != null) digests.close();
        }
    }
}
