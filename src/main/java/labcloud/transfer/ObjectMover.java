package labcloud.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Moves one file or object between two places: uploads (single PUT or resumable multipart),
 * downloads (into a .partial file, renamed when verified), server-side copies within one store,
 * and streamed copies between stores. Every byte read or written is held under the shared
 * {@link ByteBudget}; every copy is verified against MD5 or CRC32C before it becomes visible.
 */
final class ObjectMover {
    /** File reads and writes go in slices of this size (see LocalSource.read). */
    static final int IO_SLICE = 256 * 1024;
    /**
     * What a range or a small object being downloaded counts against the budget: it streams
     * through one slice, but the count also bounds downloads in flight (the connection and socket
     * buffers come with each).
     */
    static final long RANGE_HOLD = 2 * PartSizer.MIB;
    private final TransferSettings settings;
    private final ByteBudget budget;
    private final ExecutorService pool;
    private final UploadJournal journal;
    private final AtomicLong bytesMoved;
    /** Checksums of uploaded local files are remembered, so that the next sync need not read them again. */
    private final DigestCache digests;
    private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> madeDirectories = new java.util.concurrent.ConcurrentHashMap<>();

    ObjectMover(TransferSettings settings, ByteBudget budget, ExecutorService pool, UploadJournal journal, AtomicLong bytesMoved,
                DigestCache digests) {
        this.digests = digests;
        this.settings = settings;
        this.budget = budget;
        this.pool = pool;
        this.journal = journal;
        this.bytesMoved = bytesMoved;
    }

    void copy(ObjectEntry e, Ref from, Ref to) throws Exception {
        switch (from) {
            case Ref.Local l when to instanceof Ref.Local d -> localCopy(l.path(), d.path(), e);
            case Ref.Local l when to instanceof Ref.S3 d -> upload(new LocalSource(l.path(), e.size()), e, d, l.path());
            case Ref.S3 s when to instanceof Ref.Local d -> download(s, e, d.path());
            case Ref.S3 s when to instanceof Ref.S3 d && s.store().id().equals(d.store().id()) -> serverSideCopy(s, e, d);
            case Ref.S3 s when to instanceof Ref.S3 d -> upload(new S3Source(s, e), e, d, null);
            default -> throw new IllegalStateException();
        }
    }

    // ---- sources of byte ranges ----------------------------------------------------------------

    /** Reads byte ranges of the object being copied. */
    interface RangeSource {
        /** Fills {@code into} (all of it) with the bytes from {@code offset} on. */
        void read(long offset, byte[] into) throws IOException;

        /** Base64 CRC32C of the whole source, computed or read from its metadata; null if unknown. */
        String crc32c() throws IOException;
    }

    private record LocalSource(Path path, long size) implements RangeSource {
        @Override
        public void read(long offset, byte[] into) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(into);
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                while (buf.position() < into.length) {
                    // in slices: the JDK copies a heap buffer through a direct one of the same size and
                    // keeps that per thread, so 8 MiB reads left 8 MiB of native memory on every thread
                    buf.limit(Math.min(into.length, buf.position() + IO_SLICE));
                    if (ch.read(buf, offset + buf.position()) < 0) throw new IOException(path + " shrank while being copied");
                }
            }
        }

        @Override
        public String crc32c() throws IOException {
            return Checksums.crc32c(path);
        }
    }

    private record S3Source(Ref.S3 ref, ObjectEntry entry) implements RangeSource {
        @Override
        public void read(long offset, byte[] into) throws IOException {
            int length = into.length;
            if (length == 0) return;
            try (var d = ref.store().objects().getRange(ref.bucket(), ref.key(), offset, offset + length - 1, entry.etag())) {
                if (d.body().readNBytes(into, 0, length) != length) throw new IOException("short read of " + ref.display());
            }
        }

        @Override
        public String crc32c() {
            HeadObjectResponse h = ref.store().client().headObject(b -> b.bucket(ref.bucket()).key(ref.key()));
            return h.metadata().get(Checksums.CRC_METADATA);
        }
    }

    // ---- upload --------------------------------------------------------------------------------

    private void upload(RangeSource src, ObjectEntry e, Ref.S3 to, Path localPath) throws Exception {
        long size = e.size();
        DigestCache.Stamp before = localPath == null ? null : digests.stamp(localPath);
        if (!settings.parts().multipart(size)) {
            byte[] data = budget.take((int) size);
            try {
                src.read(0, data);
                putSmall(to, data, localPath, before);
            } finally {
                budget.give(data);
            }
            return;
        }
        multipartUpload(src, e, to, localPath, before);
    }

    private void putSmall(Ref.S3 to, byte[] data, Path localPath, DigestCache.Stamp before) {
        byte[] md5 = Checksums.md5(data.length).digest(data);
        CRC32C crc = new CRC32C();
        crc.update(data);
        String crc32c = Checksums.crc32cBase64(crc.getValue());
        String etag = to.store().objects().putObject(to.bucket(), to.key(), data, md5, Map.of(Checksums.CRC_METADATA, crc32c));
        verifyEtag(to, etag, Checksums.hex(md5));
        bytesMoved.addAndGet(data.length);
        if (localPath != null) digests.put(localPath, before, Checksums.hex(md5), 0, null, crc32c);
    }

    private static void verifyEtag(Ref.S3 to, String etag, String md5Hex) {
        if (Checksums.isPlainMd5(etag) && !etag.equalsIgnoreCase(md5Hex)) {
            throw new LabcloudException(ExitCode.FAILED, "checksum mismatch after upload of " + to.display());
        }
    }

    private void multipartUpload(RangeSource src, ObjectEntry e, Ref.S3 to, Path localPath, DigestCache.Stamp before)
            throws Exception {
        long size = e.size();
        long partSize = settings.parts().partSize(size);
        int count = settings.parts().parts(size);
        String source = localPath == null ? null : localPath.toAbsolutePath().toString();
        long mtime = e.modified() == null ? 0 : e.modified().toEpochMilli();
        Map<Integer, String> done = new TreeMap<>();
        String uploadId = null;
        UploadJournal.Writer writer = null;
        String crc = null;
        if (source != null) {
            var resume = journal.find(to.store().id(), to.bucket(), to.key(), source, size, mtime, partSize);
            if (resume.isPresent()) {
                var u = resume.get();
                Map<Integer, String> onServer = listParts(to, u.uploadId());
                if (onServer != null) {
                    uploadId = u.uploadId();
                    crc = u.crc32c();
                    // a part counts as done only if the store has it with the ETag the journal recorded
                    u.parts().forEach((n, tag) -> {
                        if (tag.equals(onServer.get(n))) done.put(n, tag);
                    });
                    writer = journal.reopen(u);
                } else {
                    UploadJournal.delete(u);
                }
            }
        }
        if (uploadId == null) {
            crc = src.crc32c();
            String c = crc;
            uploadId = to.store().objects().createMultipartUpload(to.bucket(), to.key(),
                    c == null ? Map.of() : Map.of(Checksums.CRC_METADATA, c));
            if (source != null) writer = journal.begin(to.store().id(), to.bucket(), to.key(), source, size, mtime, partSize, uploadId, crc);
        }
        String id = uploadId;
        UploadJournal.Writer w = writer;
        Semaphore perFile = new Semaphore(settings.partsPerFile());
        List<Future<?>> futures = new ArrayList<>();
        Map<Integer, String> etags = new java.util.concurrent.ConcurrentSkipListMap<>(done);
        for (int n = 1; n <= count; n++) {
            if (done.containsKey(n)) continue;
            int part = n;
            long off = (n - 1) * partSize;
            int len = (int) Math.min(partSize, size - off);
            perFile.acquire();
            futures.add(pool.submit(() -> {
                try {
                    byte[] data = budget.take(len);
                    try {
                        src.read(off, data);
                        byte[] md5 = Checksums.md5(data.length).digest(data);
                        String tag = to.store().objects().uploadPart(to.bucket(), to.key(), id, part, data, md5);
                        verifyEtag(to, tag, Checksums.hex(md5));
                        etags.put(part, tag);
                        if (w != null) w.partDone(part, tag);
                        bytesMoved.addAndGet(len);
                    } finally {
                        budget.give(data);
                    }
                } finally {
                    perFile.release();
                }
                return null;
            }));
        }
        try {
            awaitAll(futures);
        } catch (Exception ex) {
            // keep the upload and its journal: the next run resumes from the parts that finished
            if (w != null) w.close();
            else abortQuietly(to, id);
            throw ex;
        }
        String etag = to.store().objects().completeMultipartUpload(to.bucket(), to.key(), id, etags);
        if (w != null) w.finish();
        // parts whose ETags are not their MD5s (SSE-KMS) leave nothing to check or remember
        if (!etags.values().stream().allMatch(Checksums::isPlainMd5)) return;
        if (Checksums.multipartCount(etag) > 0) {
            List<byte[]> md5s = etags.values().stream().map(t -> java.util.HexFormat.of().parseHex(t)).toList();
            if (!Checksums.multipartEtag(md5s).equalsIgnoreCase(etag)) {
                throw new LabcloudException(ExitCode.FAILED, "checksum mismatch after multipart upload of " + to.display());
            }
        }
        if (localPath == null) return;
        String listed = etagAsListed(to, etag, crc);
        // A whole-object MD5 from the store is the file's MD5 as read: each part arrived with the MD5 sent for it.
        if (Checksums.isPlainMd5(listed)) digests.put(localPath, before, listed.toLowerCase(java.util.Locale.ROOT), 0, null, crc);
        else if (Checksums.multipartCount(etag) > 0) digests.put(localPath, before, null, partSize, etag, crc);
    }

    /**
     * The ETag a listing will show for the object just completed. AWS lists the one its answer
     * gave. Other stores may answer with the MD5 of the part MD5s and list the whole object's MD5
     * (S3Proxy's filesystem backend): the file's remembered checksums would then not match the
     * listing, and the next sync would read every large file again. A one-byte read tells; it is
     * believed only if the object carries this upload's CRC32C (another writer may have replaced it).
     */
    private static String etagAsListed(Ref.S3 to, String completed, String crc) {
        if (to.store().isAmazon() || Checksums.isPlainMd5(completed) || crc == null) return completed;
        try (var d = to.store().objects().getRange(to.bucket(), to.key(), 0, 0, null)) {
            return crc.equals(d.metadata().get(Checksums.CRC_METADATA)) && d.etag() != null ? d.etag() : completed;
        } catch (IOException | RuntimeException e) {
            return completed; // only the next sync's speed depends on it
        }
    }

    /** The parts a store holds for an upload, or null if the upload no longer exists. */
    private static Map<Integer, String> listParts(Ref.S3 to, String uploadId) {
        try {
            Map<Integer, String> out = new TreeMap<>();
            for (Part p : to.store().client().listPartsPaginator(b -> b.bucket(to.bucket()).key(to.key()).uploadId(uploadId)).parts()) {
                out.put(p.partNumber(), S3Listing.unquote(p.eTag()));
            }
            return out;
        } catch (NoSuchUploadException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return null;
            throw e;
        }
    }

    private static void abortQuietly(Ref.S3 to, String uploadId) {
        try {
            to.store().client().abortMultipartUpload(b -> b.bucket(to.bucket()).key(to.key()).uploadId(uploadId));
        } catch (RuntimeException ignored) {
            // `labcloud cleanup` removes what is left
        }
    }

    private static void awaitAll(List<Future<?>> futures) throws Exception {
        Exception first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException ex) {
                if (first == null) first = ex.getCause() instanceof Exception c ? c : ex;
            }
        }
        if (first != null) throw first;
    }

    // ---- download ------------------------------------------------------------------------------

    private void download(Ref.S3 from, ObjectEntry e, Path dst) throws Exception {
        Path partial = dst.resolveSibling(dst.getFileName() + LocalTree.PARTIAL_SUFFIX);
        ensureDirectory(dst.toAbsolutePath().getParent());
        boolean moved = false;
        try {
            if (!settings.parts().multipart(e.size())) {
                long permits = budget.acquire(Math.min(e.size(), RANGE_HOLD)); // it streams, as a range does
                try {
                    downloadWhole(from, e, partial);
                } finally {
                    budget.release(permits);
                }
            } else {
                Ranged got = rangedDownload(from, e, partial);
                if (got.storedCrc() != null) {
                    // the CRC32C stored at upload settles it, from the ranges' own CRCs: no second read of the file
                    verifyDownload(from, e.etag(), null, got.storedCrc(), Checksums.crc32cBase64(got.crc32c()), null);
                } else {
                    Checksums.FileDigest fd = Checksums.digest(partial, settings.parts().partSize(e.size()));
                    verifyDownload(from, e.etag(), fd.md5(), null, fd.crc32c(), fd.multipartEtag());
                }
            }
            if (e.modified() != null) {
                // access time too (as rclone does): with it left null, the JDK first reads the file's
                // times to keep it, one system call more per file
                FileTime t = FileTime.from(e.modified());
                Files.getFileAttributeView(partial, java.nio.file.attribute.BasicFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        .setTimes(t, t, null);
            }
            try {
                Files.move(partial, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(partial, dst, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(partial);
        }
    }

    /**
     * Creates the directory of a download or a local copy once per run: Files.createDirectories on
     * a directory that exists costs two system calls and an exception, for each of 10,000 files in
     * one directory.
     * The first file of a new directory creates it while the others for it wait: side by side, each
     * of them walked up the missing parents on its own (3,900 mkdir calls for a 5,000-file tree).
     */
    private void ensureDirectory(Path dir) throws IOException {
        if (madeDirectories.containsKey(dir)) return;
        try {
            madeDirectories.computeIfAbsent(dir, d -> {
                try {
                    Files.createDirectories(d);
                    return Boolean.TRUE;
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        } catch (java.io.UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    /**
     * Fetches a small object whole into the .partial file, and again from the start if its body is
     * cut off. The body streams through one slice, checksummed as it goes: a tree of thousands of
     * files of a few MiB each no longer makes an array per file for the collector to clear. The
     * listing's size is what is read, never more: a body of another length, or without end, fails,
     * and so does one whose checksum differs (the .partial file is then removed); If-Match keeps an
     * object replaced since the listing from being read whole.
     */
    private void downloadWhole(Ref.S3 from, ObjectEntry e, Path partial) throws IOException {
        long size = e.size();
        byte[] buf = new byte[(int) Math.max(1, Math.min(IO_SLICE, size))];
        for (int attempt = 1; ; attempt++) {
            try (var obj = from.store().objects().getObject(from.bucket(), from.key(), size, e.etag());
                 InputStream in = obj.body();
                 FileChannel ch = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         StandardOpenOption.TRUNCATE_EXISTING)) {
                if (obj.contentLength() >= 0 && obj.contentLength() != size) {
                    throw new IOException("the store sent " + obj.contentLength() + " bytes for " + from.display()
                            + ", listed as " + size + " bytes");
                }
                // the CRC32C stored at upload settles it when there is one; MD5 runs 60x slower
                String storedCrc = obj.metadata().get(Checksums.CRC_METADATA);
                CRC32C crc = new CRC32C();
                java.security.MessageDigest md5 = storedCrc != null ? null : Checksums.md5(size);
                if (copyBody(in, ch, 0, size, buf, crc, md5) != size || in.read() >= 0) {
                    throw new IOException("the body of " + from.display() + " is not its listed size of " + size + " bytes");
                }
                verifyDownload(from, obj.etag(), md5 == null ? null : Checksums.hex(md5.digest()), storedCrc,
                        Checksums.crc32cBase64(crc.getValue()), null);
                bytesMoved.addAndGet(size);
                return;
            } catch (IOException ex) {
                if (attempt >= 4 || !cutOff(ex)) throw ex;
                pause(attempt);
            }
        }
    }

    /** What a ranged download gave: the CRC32C stored in the object's metadata (or null) and that of the bytes written. */
    private record Ranged(String storedCrc, long crc32c) {}

    /** Fetches all ranges in parallel into the .partial file, each checksummed as it streams in. */
    private Ranged rangedDownload(Ref.S3 from, ObjectEntry e, Path partial) throws Exception {
        long size = e.size();
        long partSize = settings.parts().partSize(size);
        int count = settings.parts().parts(size);
        AtomicReference<String> crc = new AtomicReference<>();
        long[] rangeCrcs = new long[count];
        Semaphore perFile = new Semaphore(settings.partsPerFile());
        List<Future<?>> futures = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int n = 0; n < count; n++) {
                long off = n * partSize;
                int len = (int) Math.min(partSize, size - off);
                int index = n;
                perFile.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        long permits = budget.acquire(Math.min(len, RANGE_HOLD));
                        try {
                            // the first range's answer carries the object's metadata: no HEAD (nor SDK client) for it
                            rangeCrcs[index] = fetchRange(from, e, ch, off, len, index == 0 ? crc : null);
                            bytesMoved.addAndGet(len);
                        } finally {
                            budget.release(permits);
                        }
                    } finally {
                        perFile.release();
                    }
                    return null;
                }));
            }
            awaitAll(futures);
        }
        long whole = rangeCrcs[0];
        for (int n = 1; n < count; n++) whole = Checksums.crc32cCombine(whole, rangeCrcs[n], Math.min(partSize, size - n * partSize));
        return new Ranged(crc.get(), whole);
    }

    /**
     * Streams one byte range straight into its place in the file (no part-sized buffer) and returns
     * its CRC32C; a range cut off mid-body is fetched again here rather than failing the whole file.
     * With {@code storedCrc}, the CRC32C the object's metadata holds (null if none) is put there.
     */
    private static long fetchRange(Ref.S3 from, ObjectEntry e, FileChannel ch, long off, int len, AtomicReference<String> storedCrc)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            CRC32C crc = new CRC32C();
            try (var d = from.store().objects().getRange(from.bucket(), from.key(), off, off + len - 1, e.etag());
                 InputStream in = d.body()) {
                if (storedCrc != null) storedCrc.set(d.metadata().get(Checksums.CRC_METADATA));
                // never past the range: more bytes than asked for would land on the next range's place
                if (copyBody(in, ch, off, len, new byte[IO_SLICE], crc, null) != len || in.read() >= 0) {
                    throw new IOException("short read of " + from.display());
                }
                return crc.getValue();
            } catch (IOException ex) {
                // only a body cut off mid-stream lands here: S3ObjectIo has already retried the request itself
                if (attempt >= 4 || !cutOff(ex)) throw ex;
                pause(attempt);
            }
        }
    }

    /**
     * Streams at most {@code len} bytes of a body into the file from {@code at}, through {@code buf},
     * updating the CRC32C and the MD5 (if not null) as they pass; returns how many came.
     */
    private static long copyBody(InputStream in, FileChannel ch, long at, long len, byte[] buf, CRC32C crc,
                                 java.security.MessageDigest md5) throws IOException {
        long got = 0;
        for (int n; got < len && (n = in.read(buf, 0, (int) Math.min(buf.length, len - got))) > 0; got += n) {
            crc.update(buf, 0, n);
            if (md5 != null) md5.update(buf, 0, n);
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
            for (long pos = at + got; b.hasRemaining(); ) pos += ch.write(b, pos);
        }
        return got;
    }

    /**
     * A body cut off mid-stream is fetched again here; a broken answer or a missed deadline is not
     * (the engine's per-file attempts cover those), so a hostile store cannot multiply the waits.
     */
    private static boolean cutOff(IOException ex) {
        return !(ex instanceof labcloud.aws.HttpProtocolException) && !(ex instanceof java.net.SocketTimeoutException);
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(100L << attempt);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IOException(ie);
        }
    }

    private static void verifyDownload(Ref.S3 from, String etag, String md5, String storedCrc, String crc, String multipartEtag) {
        boolean ok;
        if (storedCrc != null) ok = storedCrc.equals(crc);
        else if (Checksums.isPlainMd5(etag)) ok = etag.equalsIgnoreCase(md5);
        else if (multipartEtag != null && Checksums.multipartCount(etag) > 0
                && Checksums.multipartCount(etag) == Checksums.multipartCount(multipartEtag)) ok = etag.equalsIgnoreCase(multipartEtag);
        else ok = true; // no checksum to compare with (e.g. a multipart object uploaded by another tool)
        if (!ok) throw new LabcloudException(ExitCode.FAILED, "checksum mismatch after download of " + from.display());
    }

    // ---- copies within a store and on disk -----------------------------------------------------

    private void serverSideCopy(Ref.S3 from, ObjectEntry e, Ref.S3 to) throws Exception {
        var s3 = to.store().client();
        if (e.size() <= PartSizer.MAX_SINGLE) {
            s3.copyObject(b -> b.sourceBucket(from.bucket()).sourceKey(from.key())
                    .destinationBucket(to.bucket()).destinationKey(to.key())
                    .copySourceIfMatch(e.etag() == null ? null : "\"" + e.etag() + "\""));
            bytesMoved.addAndGet(e.size());
            return;
        }
        HeadObjectResponse h = s3.headObject(b -> b.bucket(from.bucket()).key(from.key()));
        long partSize = Math.max(settings.parts().partSize(e.size()), 256 * PartSizer.MIB);
        int count = (int) ((e.size() + partSize - 1) / partSize);
        String id = s3.createMultipartUpload(b -> b.bucket(to.bucket()).key(to.key()).metadata(h.metadata())).uploadId();
        Map<Integer, String> etags = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<Future<?>> futures = new ArrayList<>();
        Semaphore perFile = new Semaphore(settings.partsPerFile());
        for (int n = 1; n <= count; n++) {
            int part = n;
            long off = (n - 1) * partSize;
            long end = Math.min(e.size(), off + partSize) - 1;
            perFile.acquire();
            futures.add(pool.submit(() -> {
                try {
                    var r = s3.uploadPartCopy(b -> b.sourceBucket(from.bucket()).sourceKey(from.key())
                            .destinationBucket(to.bucket()).destinationKey(to.key()).uploadId(id).partNumber(part)
                            .copySourceRange("bytes=" + off + "-" + end));
                    etags.put(part, S3Listing.unquote(r.copyPartResult().eTag()));
                    bytesMoved.addAndGet(end - off + 1);
                } finally {
                    perFile.release();
                }
                return null;
            }));
        }
        try {
            awaitAll(futures);
        } catch (Exception ex) {
            abortQuietly(to, id);
            throw ex;
        }
        List<CompletedPart> parts = new ArrayList<>();
        etags.forEach((n, tag) -> parts.add(CompletedPart.builder().partNumber(n).eTag("\"" + tag + "\"").build()));
        s3.completeMultipartUpload(b -> b.bucket(to.bucket()).key(to.key()).uploadId(id).multipartUpload(m -> m.parts(parts)));
    }

    private void localCopy(Path from, Path to, ObjectEntry e) throws IOException {
        ensureDirectory(to.toAbsolutePath().getParent());
        Path partial = to.resolveSibling(to.getFileName() + LocalTree.PARTIAL_SUFFIX);
        try {
            Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            bytesMoved.addAndGet(e.size());
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
