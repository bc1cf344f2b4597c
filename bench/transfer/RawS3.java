import java.net.URI;
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
 * The machine's ceiling for benchmark (d): the bare SDK putting and getting the same bytes as
 * (a) and (b) with many requests in flight, no checksums, no files written on download.
 * Usage: java -cp labcloud.jar RawS3.java ENDPOINT BUCKET small|big DIR
 */
public class RawS3 {
    public static void main(String[] a) throws Exception {
        URI endpoint = URI.create(a[0]);
        String bucket = a[1];
        boolean big = a[2].equals("big");
        Path dir = Path.of(a[3]);
        S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench-secret")))
                .serviceConfiguration(b -> b.pathStyleAccessEnabled(true).chunkedEncodingEnabled(false))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(ApacheHttpClient.builder().maxConnections(128).build()).build();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        int parallel = 64;
        long part = 8L << 20;
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore sem = new Semaphore(parallel);
            List<Future<?>> fs = new ArrayList<>();
            for (Path f : files) {
                String key = "raw/" + f.getFileName();
                if (!big) {
                    sem.acquire();
                    fs.add(pool.submit(() -> {
                        try {
                            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(Files.readAllBytes(f)));
                        } finally {
                            sem.release();
                        }
                        return null;
                    }));
                } else {
                    long size = Files.size(f);
                    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
                    int n = (int) ((size + part - 1) / part);
                    CompletedPart[] done = new CompletedPart[n];
                    List<Future<?>> parts = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        int pn = i + 1;
                        long off = i * part;
                        int len = (int) Math.min(part, size - off);
                        sem.acquire();
                        parts.add(pool.submit(() -> {
                            try (var ch = java.nio.channels.FileChannel.open(f)) {
                                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(len);
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
                    for (Future<?> p : parts) p.get();
                    s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(done)));
                }
            }
            for (Future<?> f : fs) f.get();
        }
        double up = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore sem = new Semaphore(parallel);
            List<Future<?>> fs = new ArrayList<>();
            for (Path f : files) {
                String key = "raw/" + f.getFileName();
                long size = Files.size(f);
                long step = big ? part : size + 1;
                for (long off = 0; off < Math.max(1, size); off += step) {
                    long o = off;
                    long end = Math.min(size, off + step) - 1;
                    sem.acquire();
                    fs.add(pool.submit(() -> {
                        try (var in = s3.getObject(b -> b.bucket(bucket).key(key).range(big ? "bytes=" + o + "-" + end : null))) {
                            in.transferTo(java.io.OutputStream.nullOutputStream());
                        } finally {
                            sem.release();
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : fs) f.get();
        }
        double down = (System.nanoTime() - t1) / 1e9;
        System.out.printf("%d %d %.3f %.3f%n", files.size(), bytes, up, down);
        s3.close();
    }
}
