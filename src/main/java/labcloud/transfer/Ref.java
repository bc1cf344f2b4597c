package labcloud.transfer;

import java.nio.file.Path;

/** Where one file or object is: a local path or a key in a bucket of a store. */
public sealed interface Ref {
    String display();

    record Local(Path path) implements Ref {
        @Override
        public String display() {
            return path.toString();
        }
    }

    record S3(S3Store store, String bucket, String key) implements Ref {
        @Override
        public String display() {
            return bucket + "/" + key;
        }
    }
}
