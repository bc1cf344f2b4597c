import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The machine's ceiling: the bare SDK putting and getting the files under DIR (any depth) with 64
 * requests in flight, files above 8 MiB in 8 MiB parts, no checksums of its own. Downloads are
 * written as labcloud must write them: each object, or each range at its offset, into a file
 * under OUT. Prints "files bytes upSeconds downSeconds".
 * Usage: java -cp labcloud.jar RawS3.java ENDPOINT BUCKET DIR OUT
 */
public class RawS3 {
    static final long PART = 8L << 20;

    public static void main(String[] a) throws Exception {
        URI endpoint = URI.create(a[0]);
        String bucket = a[1];
        Path dir = Path.of(a[2]);
        Path out = Path.of(a[3]);
        S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench-secret")))
                .serviceConfiguration(b -> b.pathStyleAccessEnabled(true).chunkedEncodingEnabled(false))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(ApacheHttpClient.builder().maxConnections(128).build()).build();
        List<Path> files;
        try (var s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        int parallel = 64;
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore sem = new Semaphore(parallel);
            List<Future<?>> fs = new ArrayList<>();
            for (Path f : files) {
                String key = "raw/" + dir.relativize(f).toString().replace('\\', '/');
                long size = Files.size(f);
                if (size <= PART) {
                    sem.acquire();
                    fs.add(pool.submit(() -> {
                        try {
                            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(Files.readAllBytes(f)));
                        } finally {
                            sem.release();
                        }
                        return null;
                    }));
                    continue;
                }
                String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
                int n = (int) ((size + PART - 1) / PART);
                CompletedPart[] done = new CompletedPart[n];
                List<Future<?>> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int pn = i + 1;
                    long off = i * PART;
                    int len = (int) Math.min(PART, size - off);
                    sem.acquire();
                    parts.add(pool.submit(() -> {
                        try (var ch = FileChannel.open(f)) {
                            ByteBuffer buf = ByteBuffer.allocate(len);
                            while (buf.hasRemaining()) ch.read(buf, off + buf.position());
                            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(pn),
                                    RequestBody.fromBytes(buf.array())).eTag();
                            done[pn - 1] = CompletedPart.builder().partNumber(pn).eTag(etag).build();
                        } finally {
                            sem.release();
                        }
                        return null;
                    }));
                }
                // the parts go out while the next files start; completing waits for this file's parts
                fs.add(pool.submit(() -> {
                    for (Future<?> p : parts) p.get();
                    s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(done)));
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
        }
        double up = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        List<FileChannel> open = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore sem = new Semaphore(parallel);
            List<Future<?>> fs = new ArrayList<>();
            for (Path f : files) {
                String key = "raw/" + dir.relativize(f).toString().replace('\\', '/');
                Path to = out.resolve(dir.relativize(f).toString());
                Files.createDirectories(to.getParent());
                long size = Files.size(f);
                if (size <= PART) {
                    sem.acquire();
                    fs.add(pool.submit(() -> {
                        try (var in = s3.getObject(b -> b.bucket(bucket).key(key))) {
                            Files.write(to, in.readAllBytes());
                        } finally {
                            sem.release();
                        }
                        return null;
                    }));
                    continue;
                }
                FileChannel ch = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                open.add(ch);
                for (long off = 0; off < size; off += PART) {
                    long o = off;
                    long end = Math.min(size, off + PART) - 1;
                    sem.acquire();
                    fs.add(pool.submit(() -> {
                        try (var in = s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=" + o + "-" + end))) {
                            byte[] buf = new byte[256 * 1024];
                            long pos = o;
                            for (int n; (n = in.read(buf)) > 0; ) {
                                ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                                while (b.hasRemaining()) pos += ch.write(b, pos);
                            }
                        } finally {
                            sem.release();
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : fs) f.get();
        }
        for (FileChannel ch : open) ch.close();
        double down = (System.nanoTime() - t1) / 1e9;
        System.out.printf("%d %d %.3f %.3f%n", files.size(), bytes, up, down);
        s3.close();
    }
}
