package labcloud.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import labcloud.core.Json;

/**
 * Multipart uploads in progress, one file per destination object under
 * ~/.labcloud/transfer/uploads: a header line (source, size, mtime, upload ID, part size, CRC)
 * then one line per finished part. Lines are appended as parts finish, so a killed process
 * leaves a journal from which the next run resumes without re-sending those parts.
 */
public final class UploadJournal {
    private final Path dir;

    public UploadJournal(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** What a journal file says about one upload. */
    public record Upload(String storeId, String bucket, String key, String source, long size, long mtimeMillis,
                         long partSize, String uploadId, String crc32c, Map<Integer, String> parts, Path file) {}

    private Path fileFor(String storeId, String bucket, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = sha.digest((storeId + "\n" + bucket + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return dir.resolve(Checksums.hex(h).substring(0, 32) + ".journal");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A journal for this destination whose source is unchanged since it was written. */
    public Optional<Upload> find(String storeId, String bucket, String key, String source, long size, long mtimeMillis, long partSize) {
        Path f = fileFor(storeId, bucket, key);
        return read(f).filter(u -> u.source().equals(source) && u.size() == size && u.mtimeMillis() == mtimeMillis
                && u.partSize() == partSize && u.bucket().equals(bucket) && u.key().equals(key));
    }

    public List<Upload> all() {
        if (!Files.isDirectory(dir)) return List.of();
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".journal")).map(this::read).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Optional<Upload> read(Path f) {
        if (!Files.exists(f)) return Optional.empty();
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (lines.isEmpty()) return Optional.empty();
            JsonNode h = Json.MAPPER.readTree(lines.get(0));
            Map<Integer, String> parts = new TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] p = line.trim().split(" ", 2);
                if (p.length == 2) parts.put(Integer.parseInt(p[0]), p[1]); // a torn last line is ignored
            }
            return Optional.of(new Upload(h.path("store").asText(), h.path("bucket").asText(), h.path("key").asText(),
                    h.path("source").asText(), h.path("size").asLong(), h.path("mtime").asLong(),
                    h.path("partSize").asLong(), h.path("uploadId").asText(), h.path("crc32c").asText(null), parts, f));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable journal only means no resume
        }
    }

    /** Starts the journal of a new upload. */
    public Writer begin(String storeId, String bucket, String key, String source, long size, long mtimeMillis,
                        long partSize, String uploadId, String crc32c) {
        Path f = fileFor(storeId, bucket, key);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("store", storeId);
        h.put("bucket", bucket);
        h.put("key", key);
        h.put("source", source);
        h.put("size", size);
        h.put("mtime", mtimeMillis);
        h.put("partSize", partSize);
        h.put("uploadId", uploadId);
        h.put("crc32c", crc32c);
        try {
            Files.createDirectories(dir);
            Files.writeString(f, Json.MAPPER.writeValueAsString(h) + "\n", StandardCharsets.UTF_8);
            return new Writer(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write upload journal " + f, e);
        }
    }

    public Writer reopen(Upload u) {
        return new Writer(u.file());
    }

    /** Appends finished parts; each line is one write, so a kill leaves whole lines behind. */
    public static final class Writer {
        private final Path file;
        private final OutputStream out;

        Writer(Path file) {
            this.file = file;
            try {
                this.out = new FileOutputStream(file.toFile(), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public synchronized void partDone(int number, String etag) {
            try {
                out.write((number + " " + etag + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to upload journal " + file, e);
            }
        }

        /** The upload completed or was aborted: the journal is no longer needed. */
        public synchronized void finish() {
            close();
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover journal is harmless: its upload ID no longer exists
            }
        }

        public synchronized void close() {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    public static void delete(Upload u) {
        try {
            Files.deleteIfExists(u.file());
        } catch (IOException ignored) {
            // harmless
        }
    }
}
