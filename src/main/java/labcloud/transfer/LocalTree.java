package labcloud.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Walks a local directory tree in S3 key order, holding one directory's entries per level in
 * memory (not the whole tree). A directory "a" sorts as "a/" so that "a.txt" comes before "a/x",
 * as it does in an S3 listing.
 */
public final class LocalTree {
    /** Suffix of downloads in progress; they are never listed as content. */
    public static final String PARTIAL_SUFFIX = ".labcloud.partial";

    private LocalTree() {}

    public static Iterator<ObjectEntry> walk(Path root) {
        return new Walker(root);
    }

    /**
     * Files below {@code dir} (a key prefix of the tree: "" or a folder ending in '/'), counted up to
     * {@code max}: the walk stops there, so a large tree costs no more than {@code max} files.
     */
    static long count(Path root, String dir, long max) {
        Walker w = new Walker(dir.isEmpty() ? root : resolve(root, dir));
        long n = 0;
        try {
            while (n < max && w.hasNext()) {
                w.next();
                n++;
            }
        } finally {
            w.close();
        }
        return n;
    }

    /** The keys below {@code dir} ("" or a folder ending in '/') in key order, relative to root, walked lazily. */
    static Iterator<String> keys(Path root, String dir) {
        Iterator<ObjectEntry> below = walk(dir.isEmpty() ? root : resolve(root, dir));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return below.hasNext();
            }

            @Override
            public String next() {
                return dir + below.next().key();
            }
        };
    }

    /**
     * One directory of the tree, read once (and shared with walks of it in progress): how many
     * entries it holds, and its sub-directories. Close it to let go of the entries.
     */
    static final class Dir implements AutoCloseable {
        private final Level level;

        Dir(Path root, String dir) {
            level = new Level(dir.isEmpty() ? root : resolve(root, dir), dir);
        }

        /** Files and sub-directories. */
        int size() {
            return level.entries.length;
        }

        int folders() {
            int n = 0;
            for (Entry e : level.entries) if (e.isDirectory()) n++;
            return n;
        }

        /** The sub-directories as keys relative to the root, ending in '/', in key order. */
        List<String> folderKeys() {
            List<String> out = new ArrayList<>();
            for (Entry e : level.entries) if (e.isDirectory()) out.add(level.prefix + e.text() + "/");
            return out;
        }

        @Override
        public void close() {
            level.leave();
        }
    }

    /** Local path for a key below root; {@link #unsafeReason} must have found nothing wrong with the key. */
    public static Path resolve(Path root, String key) {
        String why = unsafeReason(key);
        if (why != null) throw new IllegalArgumentException("key " + key + " " + why);
        Path p = root;
        for (String part : key.split("/")) p = p.resolve(part);
        return p;
    }

    /**
     * One entry of a directory being walked, kept small: a directory of a million files holds
     * about 90 MB of these (Paths with their attribute objects took 350 MB). The name is UTF-8 with
     * a '/' appended for a directory, so that plain unsigned byte order is S3's key order; size -1
     * marks a directory. The modification time is in nanoseconds since 1970 (to the year 2262).
     */
    private record Entry(byte[] name, long size, long modifiedNanos) {
        boolean isDirectory() {
            return size < 0;
        }

        String text() {
            return new String(name, 0, isDirectory() ? name.length - 1 : name.length, StandardCharsets.UTF_8);
        }
    }

    /**
     * Directories being walked now, so that walks of one tree at the same time share them: a sync
     * walks its local tree twice (ahead, to split the bucket's listing, and to compare), and a
     * directory of a million files is then held once. The walk that read a directory removes it
     * when it leaves; one that arrives later reads it again. Weak, so an abandoned walk holds nothing.
     */
    private static final ConcurrentHashMap<Path, WeakReference<Entry[]>> OPEN = new ConcurrentHashMap<>();

    /** A directory on the walk's stack: its sorted entries and how far they have been read. */
    private static final class Level {
        final Path dir;
        final String prefix;
        final Entry[] entries;
        /** Set when this walk read the directory (and shares it until it leaves). */
        private final WeakReference<Entry[]> shared;
        int next;

        Level(Path dir, String prefix) {
            this.dir = dir;
            this.prefix = prefix;
            WeakReference<Entry[]> known = OPEN.get(dir);
            Entry[] read = known == null ? null : known.get();
            if (read == null) {
                read = children(dir);
                shared = new WeakReference<>(read);
                OPEN.put(dir, shared);
            } else {
                shared = null;
            }
            this.entries = read;
        }

        void leave() {
            if (shared != null) OPEN.remove(dir, shared);
        }
    }

    /**
     * Why a key cannot be a local path below the target, or null if it can. Keys are legal S3 that
     * no file can mirror faithfully: "../x", "a/../../x" and "/abs" would leave the target, and an
     * empty segment ("a//b") has no file name. They are not guessed at (collapsing "a//b" to "a/b"
     * would collide with a key "a/b", and the next sync or upload would see a different key).
     */
    public static String unsafeReason(String key) {
        if (key.indexOf('\0') >= 0) return "contains a NUL character";
        for (String part : key.split("/", -1)) {
            if (part.equals(".") || part.equals("..")) return "has a '" + part + "' segment and would leave the target directory";
        }
        if (key.startsWith("/")) return "starts with '/' and would leave the target directory";
        String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        if (trimmed.isEmpty() || trimmed.contains("//")) return "has an empty segment ('//'), which no local file name can hold";
        return null;
    }

    private static final class Walker implements Iterator<ObjectEntry> {
        private final Deque<Level> stack = new ArrayDeque<>();
        private ObjectEntry next;

        Walker(Path root) {
            if (Files.isDirectory(root)) stack.push(new Level(root, ""));
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                Level top = stack.peek();
                if (top.next == top.entries.length) {
                    stack.pop().leave();
                    continue;
                }
                Entry e = top.entries[top.next++];
                String name = e.text();
                if (e.isDirectory()) {
                    stack.push(new Level(top.dir.resolve(name), top.prefix + name + "/"));
                } else {
                    next = ObjectEntry.local(top.prefix + name, e.size(), Instant.EPOCH.plusNanos(e.modifiedNanos()));
                }
            }
            return next != null;
        }

        @Override
        public ObjectEntry next() {
            if (!hasNext()) throw new NoSuchElementException();
            ObjectEntry e = next;
            next = null;
            return e;
        }

        /** Ends the walk early, letting go of the directories it shares. */
        void close() {
            while (!stack.isEmpty()) stack.pop().leave();
        }
    }

    private static Entry[] children(Path dir) {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException e) {
                    try {
                        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e2) {
                        continue;
                    }
                }
                if (a.isDirectory()) {
                    out.add(new Entry((name + "/").getBytes(StandardCharsets.UTF_8), -1, 0));
                } else if (a.isRegularFile() && !name.endsWith(PARTIAL_SUFFIX)) {
                    out.add(new Entry(name.getBytes(StandardCharsets.UTF_8), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read directory " + dir + ": " + e.getMessage(), e);
        }
        Entry[] sorted = out.toArray(new Entry[0]);
        Arrays.sort(sorted, (x, y) -> Arrays.compareUnsigned(x.name, y.name));
        return sorted;
    }
}
