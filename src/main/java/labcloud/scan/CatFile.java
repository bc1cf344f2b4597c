package labcloud.scan;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import labcloud.git.Git;
import labcloud.git.GitProcess;

/**
 * One long-running {@code git cat-file --batch}: object names go in, contents come out in the
 * same order. Requests may be written from one thread while responses are read on another.
 */
final class CatFile implements AutoCloseable {
    /** A response: the object's bytes, or null with a size when it was too large or missing (size -1). */
    record Blob(byte[] bytes, long size) {}

    private final GitProcess process;
    private final OutputStream in;
    private final InputStream out;

    CatFile(Git git) {
        this.process = git.start("cat-file", "--batch");
        this.in = new BufferedOutputStream(process.stdin(), 1 << 16);
        this.out = new BufferedInputStream(process.stdout(), 1 << 16);
    }

    void request(String objectName) throws IOException {
        in.write(objectName.getBytes(StandardCharsets.UTF_8));
        in.write('\n');
    }

    void flush() throws IOException {
        in.flush();
    }

    /** No more requests: lets cat-file finish once the pending responses are read. */
    void endRequests() throws IOException {
        in.close();
    }

    /** Reads the next response; contents larger than {@code maxBytes} are skipped, not kept. */
    Blob read(long maxBytes) throws IOException {
        String header = readLine();
        if (header == null) throw new IOException("git cat-file ended early");
        if (header.endsWith(" missing") || header.endsWith(" ambiguous")) return new Blob(null, -1);
        String[] parts = header.split(" ");
        long size = Long.parseLong(parts[parts.length - 1]);
        byte[] bytes = null;
        if (size <= maxBytes) {
            bytes = out.readNBytes((int) size);
            if (bytes.length != size) throw new IOException("git cat-file ended early");
        } else {
            long left = size;
            while (left > 0) {
                long n = out.skip(left);
                if (n <= 0) {
                    if (out.read() < 0) throw new IOException("git cat-file ended early");
                    n = 1;
                }
                left -= n;
            }
        }
        if (out.read() != '\n') throw new IOException("git cat-file: unexpected output");
        return new Blob(bytes, size);
    }

    private String readLine() throws IOException {
        StringBuilder b = new StringBuilder(64);
        int c;
        while ((c = out.read()) >= 0 && c != '\n') b.append((char) c);
        return c < 0 && b.isEmpty() ? null : b.toString();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // already closed
        }
        process.close();
    }
}
