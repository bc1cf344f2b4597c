package labcloud.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

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

    /** The tree's keys in key order, walked lazily. */
    public static Iterator<String> keys(Path root) {
        Iterator<ObjectEntry> all = walk(root);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return all.hasNext();
            }

            @Override
            public String next() {
                return all.next().key();
            }
        };
    }

    /** Local path for a key below root. */
    public static Path resolve(Path root, String key) {
        Path p = root;
        for (String part : key.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("unsafe key for a local path: " + key);
            }
            p = p.resolve(part);
        }
        return p;
    }

    private record Named(String sortKey, Path path, BasicFileAttributes attrs) {}

    private static final class Walker implements Iterator<ObjectEntry> {
        private final Deque<Iterator<Named>> stack = new ArrayDeque<>();
        private final Deque<String> prefixes = new ArrayDeque<>();
        private ObjectEntry next;

        Walker(Path root) {
            if (Files.isDirectory(root)) {
                stack.push(children(root).iterator());
                prefixes.push("");
            }
        }

        private static List<Named> children(Path dir) {
            List<Named> out = new ArrayList<>();
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
                    if (a.isDirectory()) out.add(new Named(name + "/", p, a));
                    else if (a.isRegularFile() && !name.endsWith(PARTIAL_SUFFIX)) out.add(new Named(name, p, a));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read directory " + dir + ": " + e.getMessage(), e);
            }
            out.sort((x, y) -> KeyOrder.compare(x.sortKey, y.sortKey));
            return out;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                Iterator<Named> top = stack.peek();
                if (!top.hasNext()) {
                    stack.pop();
                    prefixes.pop();
                    continue;
                }
                Named n = top.next();
                String key = prefixes.peek() + n.sortKey;
                if (n.attrs.isDirectory()) {
                    stack.push(children(n.path).iterator());
                    prefixes.push(key);
                } else {
                    next = ObjectEntry.local(key, n.attrs.size(), n.attrs.lastModifiedTime().toInstant());
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
    }
}
