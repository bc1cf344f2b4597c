package labcloud.transfer;

import java.io.IOException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Decides whether two same-size files hold the same bytes, from what the listings already give
 * wherever possible: an S3 ETag is the MD5 of a single-part object (or, for a multipart one, the
 * MD5 of the part MD5s) on AWS and most compatible stores, so a local file is compared by hashing
 * it, and two objects by comparing ETags, with no request per object. Only when an ETag cannot be
 * reproduced (another tool's part size, SSE-KMS) is the object's stored CRC32C read with a HEAD.
 */
final class SameContent {
    private final PartSizer parts;

    SameContent(PartSizer parts) {
        this.parts = parts;
    }

    boolean same(ObjectEntry a, Ref from, ObjectEntry b, Ref to) throws IOException {
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
        if (Checksums.isPlainMd5(etag)) {
            return Checksums.digest(local.path(), 0).md5().equalsIgnoreCase(etag);
        }
        long size = a.size();
        if (n > 0 && n == parts.parts(size)) {
            Checksums.FileDigest d = Checksums.digest(local.path(), parts.partSize(size));
            if (etag.equalsIgnoreCase(d.multipartEtag())) return true;
        }
        String stored = storedCrc(remote);
        return stored != null && stored.equals(Checksums.digest(local.path(), 0).crc32c());
    }

    private static String storedCrc(Ref.S3 r) {
        HeadObjectResponse h = r.store().client().headObject(x -> x.bucket(r.bucket()).key(r.key()));
        return h.metadata().get(Checksums.CRC_METADATA);
    }
}
