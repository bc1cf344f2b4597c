package labcloud.transfer;

import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import labcloud.aws.AwsErrors;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.ProgressListener;
import labcloud.core.Sizes;
import labcloud.core.Workers;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Runs a plan: many files in parallel (bounded by file count and by bytes in flight), each
 * verified, retried on transient failures; a file that still fails is recorded and the rest go
 * on. Deletes run after all copies, in batches of 1,000 keys.
 */
public final class TransferEngine {
    private final TransferSettings settings;
    private final UploadJournal journal;
    private final DigestCache digests;

    public TransferEngine(TransferSettings settings, UploadJournal journal, DigestCache digests) {
        this.settings = settings;
        this.journal = journal;
        this.digests = digests;
    }

    public TransferReport run(Iterator<PlanItem> plan, ProgressListener progress) {
        long t0 = System.nanoTime();
        AtomicLong bytes = new AtomicLong();
        AtomicLong copied = new AtomicLong();
        AtomicLong unchanged = new AtomicLong();
        ConcurrentLinkedQueue<TransferReport.Failure> failures = new ConcurrentLinkedQueue<>();
        List<TransferReport.Planned> planned = new ArrayList<>();
        List<PlanItem.Delete> deletes = new ArrayList<>();
        ConcurrentLinkedQueue<TransferReport.Planned> dryCopies = new ConcurrentLinkedQueue<>();
        ByteBudget budget = new ByteBudget(settings.bytesWithin(Runtime.getRuntime().maxMemory()));
        Semaphore files = new Semaphore(settings.files());
        SameContent sameContent = new SameContent(settings.parts(), digests);
        try (ExecutorService pool = Workers.pool("transfer")) {
            ObjectMover mover = new ObjectMover(settings, budget, pool, journal, bytes, digests);
            Ticker ticker = new Ticker(progress, copied, bytes, t0);
            while (true) {
                PlanItem item;
                try {
                    if (!plan.hasNext()) break;
                    item = plan.next();
                } catch (RuntimeException e) {
                    throw AwsErrors.classify(e); // a listing that fails is not a per-file failure
                }
                if (item instanceof PlanItem.Delete d) {
                    deletes.add(d);
                    continue;
                }
                if (item instanceof PlanItem.Refused r) {
                    failures.add(new TransferReport.Failure(r.key(), r.reason()));
                    continue;
                }
                files.acquireUninterruptibly();
                pool.submit(() -> {
                    try {
                        runOne(item, mover, sameContent, copied, unchanged, dryCopies, failures);
                    } catch (Throwable t) {
                        // whatever ends a task is counted: a task lost here once made a run with missing files "failed 0"
                        failures.add(new TransferReport.Failure(item.key(), describe(t)));
                    } finally {
                        files.release();
                        ticker.tick();
                    }
                });
            }
            // every file task gives its permit back when done; parts may still be submitted until then
            files.acquireUninterruptibly(settings.files());
            files.release(settings.files());
            planned.addAll(dryCopies);
            if (settings.dryRun()) {
                deletes.forEach(d -> planned.add(new TransferReport.Planned("delete", d.key(), d.destination().size(), "not in source")));
            } else {
                runDeletes(deletes, failures);
            }
        }
        progress.done();
        planned.sort((a, b) -> KeyOrder.compare(a.key(), b.key()));
        List<TransferReport.Failure> failed = new ArrayList<>(failures);
        failed.sort((a, b) -> KeyOrder.compare(a.key(), b.key()));
        long deleted = settings.dryRun() ? 0 : deletes.size() - failed.stream().filter(f -> f.error().startsWith("delete")).count();
        return new TransferReport(settings.dryRun() ? 0 : copied.get(), settings.dryRun() ? 0 : bytes.get(),
                unchanged.get(), deleted, failed, planned, (System.nanoTime() - t0) / 1e9, settings.dryRun(), sameContent.filesRead());
    }

    private void runOne(PlanItem item, ObjectMover mover, SameContent sameContent, AtomicLong copied, AtomicLong unchanged,
                        ConcurrentLinkedQueue<TransferReport.Planned> dry, ConcurrentLinkedQueue<TransferReport.Failure> failures) {
        for (int attempt = 1; ; attempt++) {
            try {
                ObjectEntry e;
                Ref from, to;
                String reason;
                if (item instanceof PlanItem.CompareThenCopy c) {
                    if (sameContent.same(c.source(), c.from(), c.destination(), c.to(), c.cached())) {
                        unchanged.incrementAndGet();
                        return;
                    }
                    e = c.source();
                    from = c.from();
                    to = c.to();
                    reason = "checksum";
                } else {
                    PlanItem.Copy c = (PlanItem.Copy) item;
                    e = c.source();
                    from = c.from();
                    to = c.to();
                    reason = c.reason();
                }
                if (e.needsRestore() && from instanceof Ref.S3) {
                    throw new LabcloudException(ExitCode.FAILED, "in " + e.storageClass() + ": restore it first (aws s3api restore-object)");
                }
                if (settings.dryRun()) {
                    dry.add(new TransferReport.Planned("copy", e.key(), e.size(), reason));
                    return;
                }
                mover.copy(e, from, to);
                copied.incrementAndGet();
                return;
            } catch (Throwable ex) {
                if (ex instanceof Exception && attempt < settings.attempts() && transient_(ex)) {
                    sleep(200L << attempt);
                    continue;
                }
                failures.add(new TransferReport.Failure(item.key(), describe(ex)));
                return;
            }
        }
    }

    /** One line for a failed file; an Error (out of memory, a stack overflow) is named as such. */
    static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) return "out of memory while copying (fewer --transfers, or more memory with LABCLOUD_JAVA_OPTS=-Xmx…)";
            if (c instanceof Error e) return "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return AwsErrors.classify(t).getMessage();
    }

    /** Network trouble and server errors are worth another try; a denied permission is not. */
    static boolean transient_(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SdkServiceException s) return s.statusCode() >= 500 || s.statusCode() == 429 || s.isThrottlingException();
            if (t instanceof SocketException || t instanceof java.io.UncheckedIOException || t instanceof SdkClientException
                    || t instanceof java.net.http.HttpTimeoutException) return true;
            if (t instanceof IOException && !(t instanceof java.nio.file.NoSuchFileException)
                    && !(t instanceof java.nio.file.AccessDeniedException)) return true;
        }
        return false;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runDeletes(List<PlanItem.Delete> deletes, ConcurrentLinkedQueue<TransferReport.Failure> failures) {
        java.util.Map<String, List<String>> byBucket = new java.util.LinkedHashMap<>();
        java.util.Map<String, S3Store> stores = new java.util.HashMap<>();
        for (PlanItem.Delete d : deletes) {
            if (d.at() instanceof Ref.Local l) {
                try {
                    java.nio.file.Files.deleteIfExists(l.path());
                } catch (IOException e) {
                    failures.add(new TransferReport.Failure(d.key(), "delete failed: " + e.getMessage()));
                }
            } else {
                Ref.S3 s = (Ref.S3) d.at();
                byBucket.computeIfAbsent(s.bucket(), b -> new ArrayList<>()).add(s.key());
                stores.put(s.bucket(), s.store());
            }
        }
        byBucket.forEach((bucket, keys) -> failures.addAll(BatchDelete.delete(stores.get(bucket), bucket, keys)));
    }

    /** Progress at most every 200 ms: files, bytes, rate. */
    private static final class Ticker {
        private final ProgressListener progress;
        private final AtomicLong copied;
        private final AtomicLong bytes;
        private final long t0;
        private final AtomicLong last = new AtomicLong();

        Ticker(ProgressListener progress, AtomicLong copied, AtomicLong bytes, long t0) {
            this.progress = progress;
            this.copied = copied;
            this.bytes = bytes;
            this.t0 = t0;
        }

        void tick() {
            long now = System.nanoTime();
            long prev = last.get();
            if (now - prev < 200_000_000L || !last.compareAndSet(prev, now)) return;
            double secs = Math.max(0.001, (now - t0) / 1e9);
            progress.update(copied.get() + " files, " + Sizes.format(bytes.get()) + ", "
                    + Sizes.format((long) (bytes.get() / secs)) + "/s");
        }
    }
}
