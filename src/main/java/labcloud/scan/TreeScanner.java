package labcloud.scan;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import labcloud.core.ProgressListener;
import labcloud.git.Git;

/**
 * Scans the files under a directory in parallel: inside a git work tree the files git would
 * consider (tracked and untracked, without ignored ones, via {@code git ls-files}); elsewhere a
 * directory walk honouring the top .gitignore; {@code --all-files} walks everything but .git.
 */
final class TreeScanner {
    private final ScanOptions options;
    private final ContentScanner content;

    TreeScanner(ScanOptions options) {
        this.options = options;
        this.content = new ContentScanner(options.maxFileSize());
    }

    ScanResult scan(Path root, ProgressListener progress) {
        long t0 = System.nanoTime();
        Collector collector = new Collector(options.ignored());
        if (Files.isRegularFile(root)) {
            Path parent = root.toAbsolutePath().getParent();
            scanFile(parent, new Listed(parent.relativize(root.toAbsolutePath()), null), collector);
            return collector.result(root.toString(), "tree", 0, t0);
        }
        // The workers start at once and take files as the listing finds them: on a tree of many
        // small files the walk is a good part of the run, and it now overlaps the scanning.
        BlockingQueue<Listed> queue = new LinkedBlockingQueue<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger listed = new AtomicInteger(-1); // known once the listing ends
        int threads = Math.max(1, options.threads());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try {
                    for (Listed file = queue.take(); file != END; file = queue.take()) {
                        scanFile(root, file, collector);
                        int d = done.incrementAndGet();
                        if ((d & 1023) == 0) progress.update(d + (listed.get() < 0 ? "" : "/" + listed.get()) + " files");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            listed.set(list(root, queue::add));
        } catch (RuntimeException e) {
            pool.shutdownNow(); // the files listed so far are not worth finishing: the run fails
            throw e;
        } finally {
            for (int t = 0; t < threads; t++) queue.add(END);
            pool.shutdown();
        }
        try {
            pool.awaitTermination(7, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        progress.done();
        return collector.result(root.toString(), "tree", 0, t0);
    }

    /** Tells a worker that the listing has ended (compared by identity: no file is this instance). */
    private static final Listed END = new Listed(Path.of("end of listing"), null);

    /** A file to scan, relative to the root, with its attributes when the listing read them (else null). */
    private record Listed(Path relative, BasicFileAttributes attrs) { }

    /** One read buffer per thread, reused from file to file: less garbage, fewer fresh pages to fault in. */
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[1 << 20]);

    /**
     * This thread's buffer, grown to hold {@code size} bytes, keeping its first {@code filled} bytes.
     * Grown only once a file is known not to be binary: an array is zeroed when made, and a large
     * archive would have cost its size in fresh pages.
     */
    private byte[] buffer(long size, int filled) {
        byte[] b = buffers.get();
        if (b.length < size) {
            byte[] bigger = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(size, b.length * 2L))];
            System.arraycopy(b, 0, bigger, 0, filled);
            b = bigger;
            buffers.set(b);
        }
        return b;
    }

    private void scanFile(Path root, Listed listed, Collector collector) {
        String name = listed.relative().toString().replace('\\', '/');
        Path file = root.resolve(listed.relative());
        try {
            BasicFileAttributes attrs = listed.attrs() != null ? listed.attrs()
                    : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isDirectory()) {
                collector.skip(new Skipped(name, "unreadable directory")); // only failed directories get here
                return;
            }
            if (!attrs.isRegularFile()) return; // symlinks, submodules, devices
            if (attrs.size() > options.maxFileSize()) {
                collector.skip(new Skipped(name, "too large (" + attrs.size() + " bytes)"));
                return;
            }
            long size = attrs.size();
            byte[] buf = buffers.get(); // 1 MiB or more: room for the head
            int n;
            try (InputStream in = open(file)) {
                if (size == 0) { // empty, or a file that does not tell its size: whatever it holds
                    n = in.readNBytes(buf, 0, buf.length);
                    if (n == buf.length && in.read() >= 0) {
                        buf = Files.readAllBytes(file);
                        n = buf.length;
                    }
                } else {
                    // The head first: a binary file (images, arrays, archives: much of a lab's tree)
                    // is known by it, and the rest of it is never read. The bytes the listing saw
                    // and no more (a file growing meanwhile is scanned as listed): one read for a
                    // small file, not a second one to find its end.
                    n = in.readNBytes(buf, 0, (int) Math.min(size, ContentScanner.BINARY_SNIFF));
                    if (n == ContentScanner.BINARY_SNIFF && ContentScanner.isBinary(buf, n) && !ContentScanner.isNotebook(name)) {
                        collector.skip(new Skipped(name, ContentScanner.BINARY));
                        return;
                    }
                    if (n < size) {
                        buf = buffer(size, n);
                        n += in.readNBytes(buf, n, (int) (size - n));
                    }
                }
            }
            collector.add(content.scan(name, buf, n), n);
        } catch (java.nio.file.NoSuchFileException e) {
            // listed by git but deleted from the work tree since: nothing to scan
        } catch (AccessDeniedException e) {
            collector.skip(new Skipped(name, "unreadable (permission denied)"));
        } catch (IOException | OutOfMemoryError e) {
            collector.skip(new Skipped(name, "unreadable (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /**
     * A stream over the file. A FileInputStream has far fewer layers than a channel's stream (a
     * channel, its cleaner and thread set, a direct buffer each read goes through): on a tree of
     * 6,657 files, 6% of the scan's time, much of it interpreted before those layers are compiled.
     * When it fails, the channel's stream is asked to fail in its stead, for the exception that
     * says why (no such file, permission denied).
     */
    private static InputStream open(Path file) throws IOException {
        try {
            return new FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            return Files.newInputStream(file);
        }
    }

    /** Hands each file to scan to {@code sink} and returns how many there were. */
    private int list(Path root, Consumer<Listed> sink) {
        if (!options.allFiles()) {
            Optional<Git> git = Git.open(root);
            if (git.isPresent()) {
                List<String> files = git.get().nulSeparated("ls-files", "-co", "--exclude-standard", "-z");
                for (String p : files) sink.accept(new Listed(Path.of(p), null));
                return files.size();
            }
        }
        GitignoreFilter ignore = options.allFiles() ? new GitignoreFilter() : GitignoreFilter.load(root);
        AtomicInteger count = new AtomicInteger();
        Consumer<Listed> out = f -> {
            count.incrementAndGet();
            sink.accept(f);
        };
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) return FileVisitResult.CONTINUE;
                    Path rel = root.relativize(dir);
                    if (dir.getFileName().toString().equals(".git") || ignore.ignored(rel, true)) return FileVisitResult.SKIP_SUBTREE;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path rel = root.relativize(file);
                    if (!ignore.ignored(rel, false)) out.accept(new Listed(rel, attrs)); // no second stat when scanned
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    out.accept(new Listed(root.relativize(file), null)); // reported as unreadable when scanned
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new labcloud.core.LabcloudException(labcloud.core.ExitCode.FAILED, "cannot list " + root + ": " + e.getMessage(), e);
        }
        return count.get();
    }
}
