package labcloud.inventory;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import labcloud.aws.AwsContext;
import labcloud.core.RegionError;

/**
 * What collectors share during one inventory run: the AWS context, the options, errors that do
 * not abort a collector (one bucket unreadable), and results computed once for several
 * collectors (the IAM credential report serves users and keys).
 */
public final class CollectionRun {
    private final AwsContext aws;
    private final InventoryOptions options;
    private final List<RegionError> errors = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Object> shared = new ConcurrentHashMap<>();

    public CollectionRun(AwsContext aws, InventoryOptions options) {
        this.aws = aws;
        this.options = options;
    }

    public AwsContext aws() {
        return aws;
    }

    public InventoryOptions options() {
        return options;
    }

    public void error(RegionError e) {
        errors.add(e);
    }

    public List<RegionError> errors() {
        return List.copyOf(errors);
    }

    /** Computes a value once per run, even when several collectors ask for it at the same time. */
    @SuppressWarnings("unchecked")
    public <T> T once(String key, Supplier<T> compute) {
        Object holder = shared.computeIfAbsent(key, k -> new Once<>(compute));
        return ((Once<T>) holder).get();
    }

    private static final class Once<T> {
        private final Supplier<T> compute;
        private T value;
        private RuntimeException failure;
        private boolean done;

        Once(Supplier<T> compute) {
            this.compute = compute;
        }

        synchronized T get() {
            if (!done) {
                try {
                    value = compute.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
                done = true;
            }
            if (failure != null) throw failure;
            return value;
        }
    }
}
