package labcloud.transfer;

import java.io.IOException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Decides whether two same-size files hold the same bytes, from what the listings already give
 * wherever possible: an S3 ETag is the MD5 of a single-part object (or, for a multipart one, the
 * MD5 of the part MD5s) on AWS and most compatible stores, so a local file is compared by hashing
 * it, and two objects by comparing ETags, with no request per object. Only when an ETag cannot be
 * reproduced (another tool's part size, SSE-KMS) is the object's stored CRC32C read with a HEAD.
 * A local file's checksums come from the {@link DigestCache} while the file is unchanged since
 * they were taken, and are remembered there when the file has to be read.
 */
final class SameContent {
    private final PartSizer parts;
    private final DigestCache cache;
    private final java.util.concurrent.atomic.AtomicLong filesRead = new java.util.concurrent.atomic.AtomicLong();

    SameContent(PartSizer parts, DigestCache cache) {
        this.parts = parts;
        this.cache = cache;
    }

    /** Local files whose bytes were read to compare them (the rest came from the cache). */
    long filesRead() {
        return filesRead.get();
    }

    boolean same(ObjectEntry a, Ref from, ObjectEntry b, Ref to, DigestCache.Entry cached) throws IOException {
        if (from instanceof Ref.S3 && to instanceof Ref.S3) {
            if (a.etag() != null && a.etag().equals(b.etag())) return true;
            if (Checksums.isPlainMd5(a.etag()) && Checksums.isPlainMd5(b.etag())) return false;
            String x = storedCrc((Ref.S3) from), y = storedCrc((Ref.S3) to);
            return x != null && x.equals(y);
        }
        if (from instanceof Ref.Local l && to instanceof Ref.Local m) {
            return Checksums.digest(l.path(), 0).md5().equals(Checksums.digest(m.path(), 0).md5());
        }
        Ref.Local local = from instanceof Ref.Local l ? l : (Ref.Local) to;
        Ref.S3 remote = from instanceof Ref.S3 s ? s : (Ref.S3) to;
        String etag = (from instanceof Ref.S3 ? a : b).etag();
        int n = Checksums.multipartCount(etag);
        long size = a.size();
        long partSize = n > 0 && n == parts.parts(size) ? parts.partSize(size) : 0;
        DigestCache.Stamp stamp = cache.stamp(local.path());
        DigestCache.Entry known = cached != null && cached.stamp().equals(stamp)
                && (partSize == 0 ? cached.md5() != null : cached.partSize() == partSize) ? cached : null;
        if (known == null) known = read(local.path(), stamp, partSize);
        if (Checksums.isPlainMd5(etag)) return known.md5().equalsIgnoreCase(etag);
        if (partSize > 0 && etag.equalsIgnoreCase(known.multipartEtag())) return true;
        String stored = storedCrc(remote);
        return stored != null && stored.equals(known.crc32c());
    }

    /** Reads a file's checksums (with the multipart ETag for partSize, if not 0) and remembers them. */
    private DigestCache.Entry read(java.nio.file.Path file, DigestCache.Stamp before, long partSize) throws IOException {
        Checksums.FileDigest d = Checksums.digest(file, partSize);
        filesRead.incrementAndGet();
        cache.put(file, before, d.md5(), partSize, d.multipartEtag(), d.crc32c());
        return new DigestCache.Entry(before, d.md5(), partSize, d.multipartEtag(), d.crc32c());
    }

    private static String storedCrc(Ref.S3 r) {
        HeadObjectResponse h = r.store().client().headObject(x -> x.bucket(r.bucket()).key(r.key()));
        return h.metadata().get(Checksums.CRC_METADATA);
    }
}
