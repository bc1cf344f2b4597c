package labcloud.scan;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.git.Git;
import labcloud.git.GitProcess;
import labcloud.core.ProgressListener;

/**
 * Scans every commit on every branch, streaming: {@code git log --all --raw} names each blob a
 * commit added or changed; each distinct blob is read once through one {@code git cat-file
 * --batch} and scanned on a thread pool. A finding is attributed to the oldest commit whose new
 * file version contains it, so a key committed once and deleted later is reported at the commit
 * that added it. Memory holds only the ids of blobs already seen and the findings.
 */
final class HistoryScanner {
    private static final String COMMIT_MARK = "\u0001";
    private static final String FIELD = "\u0002";
    private static final String NULL_SHA = "0000000000000000000000000000000000000000";

    private final ScanOptions options;
    private final ContentScanner content;

    HistoryScanner(ScanOptions options) {
        this.options = options;
        this.content = new ContentScanner(options.maxFileSize());
    }

    /** A blob to read, in the order requested from cat-file; {@code seq} grows from newest to oldest commit. */
    private record Pending(String blob, String path, Finding.Commit commit, long seq) {}

    private static final Pending END = new Pending("", "", null, -1);

    /** A finding and where in the log order it was seen. */
    private record Seen(Finding finding, KeyPair pair, long seq) {}

    ScanResult scan(Path repo, ProgressListener progress) {
        long t0 = System.nanoTime();
        Git git = Git.open(repo).orElseThrow(() -> new labcloud.core.UsageException(
                "--history needs a git repository: " + repo + " is not inside one"));
        Path top = git.top();
        Collector stats = new Collector(Set.of());
        Map<String, Seen> bestByFingerprint = new HashMap<>();
        Map<String, List<Seen>> findingsByBlob = new HashMap<>();
        List<Pending> repeats = new ArrayList<>();
        BlockingQueue<Pending> pending = new ArrayBlockingQueue<>(4096);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong commits = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
        // Bounds the bytes waiting for a scanning thread, so memory stays flat however big the history.
        Semaphore inFlight = new Semaphore(options.threads() * 4);

        GitProcess log = git.start("log", "--all", "--no-renames", "--raw", "--no-abbrev", "-z", "--no-color",
                "--format=" + "%x01%H%x02%an <%ae>%x02%aI");
        try (CatFile cat = new CatFile(git)) {
            Thread reader = Thread.ofPlatform().name("labcloud-history-reader").start(() -> {
                try {
                    for (Pending p = pending.take(); p != END; p = pending.take()) {
                        CatFile.Blob blob = cat.read(options.maxFileSize());
                        if (blob.bytes() == null) {
                            if (blob.size() >= 0) stats.skip(new Skipped(p.commit().id().substring(0, 12) + ":" + p.path(),
                                    "too large (" + blob.size() + " bytes)"));
                            continue;
                        }
                        inFlight.acquire();
                        Pending job = p;
                        pool.execute(() -> {
                            try {
                                ContentScanner.Result r = content.scan(job.path(), blob.bytes());
                                if (r.skipped() != null) return; // binary blobs are not worth a note per version
                                stats.add(r, blob.bytes().length);
                                if (r.findings().isEmpty()) return;
                                List<Seen> seen = record(r, job, bestByFingerprint);
                                synchronized (findingsByBlob) {
                                    findingsByBlob.put(job.blob(), seen);
                                }
                            } catch (RuntimeException e) {
                                failure.compareAndSet(null, e);
                            } finally {
                                inFlight.release();
                            }
                        });
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                readLog(log.stdout(), cat, pending, repeats, commits, progress, failure);
            } finally {
                try {
                    cat.endRequests();
                } catch (IOException ignored) {
                    // cat-file already gone; the reader reports why
                }
                putQuietly(pending, END);
            }
            reader.join();
            pool.shutdown();
            pool.awaitTermination(7, TimeUnit.DAYS);
            int code = log.waitFor();
            if (failure.get() != null) {
                throw new LabcloudException(ExitCode.FAILED, "reading git history failed: " + failure.get().getMessage(), failure.get());
            }
            if (code != 0) throw new LabcloudException(ExitCode.FAILED, "git log failed in " + top + " (exit " + code + ")");
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "reading git history failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabcloudException(ExitCode.FAILED, "interrupted");
        } finally {
            pool.shutdownNow();
            log.close();
            progress.done();
        }

        // The same blob met again in an older commit or at another path (a cherry-pick, a revert, a
        // copy): read it once more for those that hold findings, and attribute there too.
        List<Pending> toRescan = repeats.stream().filter(r -> findingsByBlob.containsKey(r.blob())).toList();
        if (!toRescan.isEmpty()) {
            try (CatFile cat = new CatFile(git)) {
                for (Pending r : toRescan) {
                    cat.request(r.blob());
                    cat.flush();
                    CatFile.Blob blob = cat.read(options.maxFileSize());
                    if (blob.bytes() == null) continue;
                    record(content.scan(r.path(), blob.bytes()), r, bestByFingerprint);
                }
            } catch (IOException e) {
                throw new LabcloudException(ExitCode.FAILED, "reading git history failed: " + e.getMessage(), e);
            }
        }

        List<Finding> findings = new ArrayList<>();
        List<KeyPair> pairs = new ArrayList<>();
        int ignored = 0;
        List<Seen> all = new ArrayList<>(bestByFingerprint.values());
        all.sort(Comparator.comparingLong(Seen::seq).reversed()
                .thenComparing(s -> s.finding().path()).thenComparingInt(s -> s.finding().line()));
        for (Seen s : all) {
            if (options.ignored().contains(s.finding().fingerprint())) {
                ignored++;
                continue;
            }
            findings.add(s.finding());
            if (s.pair() != null) pairs.add(s.pair());
        }
        ScanResult base = stats.result(top.toString(), "history", commits.get(), t0);
        return new ScanResult(base.target(), base.mode(), List.copyOf(findings), List.copyOf(pairs), base.skipped(),
                base.files(), base.bytes(), base.commits(), ignored, base.millis());
    }

    private static List<Seen> record(ContentScanner.Result r, Pending at, Map<String, Seen> best) {
        List<Seen> seen = new ArrayList<>();
        synchronized (best) {
            for (Finding f : r.findings()) {
                Finding placed = f.withCommit(at.commit());
                KeyPair pair = r.pairs().stream().filter(k -> k.keyIdFinding() == f).findFirst()
                        .map(k -> new KeyPair(placed, k.keyId(), k.secret())).orElse(null);
                Seen s = new Seen(placed, pair, at.seq());
                seen.add(s);
                keepOldest(best, s);
            }
        }
        return seen;
    }

    /** Log order is newest first, so a larger sequence number is an older commit. */
    private static void keepOldest(Map<String, Seen> best, Seen s) {
        best.merge(s.finding().fingerprint(), s, (a, b) -> b.seq() > a.seq() ? b : a);
    }

    private void readLog(InputStream raw, CatFile cat, BlockingQueue<Pending> pending, List<Pending> repeats,
                         AtomicLong commits, ProgressListener progress, AtomicReference<Throwable> failure) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        Set<Long> seenBlobs = new HashSet<>();
        Finding.Commit commit = null;
        long seq = 0;
        String token;
        while ((token = readToken(in, buf)) != null && failure.get() == null) {
            if (token.startsWith("\n")) token = token.substring(1);
            if (token.startsWith(COMMIT_MARK)) {
                String[] f = token.substring(1).split(FIELD, -1);
                commit = new Finding.Commit(f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2].strip() : "");
                long n = commits.incrementAndGet();
                if ((n & 255) == 0) {
                    cat.flush();
                    progress.update(n + " commits");
                }
            } else if (token.startsWith(":")) {
                String path = readToken(in, buf);
                if (path == null || commit == null) break;
                // :oldmode newmode oldsha newsha status
                String[] f = token.substring(1).split(" ");
                if (f.length < 5) continue;
                String newMode = f[1];
                String blob = f[3];
                if (blob.equals(NULL_SHA) || f[4].startsWith("D") || newMode.startsWith("160000")) continue;
                Pending p = new Pending(blob, path, commit, seq++);
                if (seenBlobs.add(Long.parseUnsignedLong(blob.substring(0, 16), 16))) {
                    cat.request(blob);
                    if (!pending.offer(p)) {
                        cat.flush(); // the reader may be waiting for a request still in our buffer
                        putQuietly(pending, p);
                    }
                } else {
                    repeats.add(p);
                }
            }
        }
        cat.flush();
    }

    private static void putQuietly(BlockingQueue<Pending> q, Pending p) {
        try {
            q.put(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a NUL-terminated token from a stream; null at the end. */
    private static String readToken(InputStream in, ByteArrayOutputStream buf) throws IOException {
        buf.reset();
        int c;
        while ((c = in.read()) > 0) buf.write(c);
        if (c < 0 && buf.size() == 0) return null;
        return buf.toString(StandardCharsets.UTF_8);
    }
}
