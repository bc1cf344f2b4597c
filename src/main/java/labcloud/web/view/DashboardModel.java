package labcloud.web.view;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import labcloud.inventory.Resource;
import labcloud.web.view.ActivityReport;
import labcloud.web.view.InstanceRow;
import labcloud.web.view.KeyReport;
import labcloud.web.view.Overview;
import labcloud.web.view.StorageReport;
import labcloud.web.view.TagCompliance;

/**
 * One loaded {@link DashboardData} with its page views computed once, on first use: data only
 * changes on refresh, so requests never recompute sums over thousands of resources.
 */
public final class DashboardModel {
    private final DashboardData data;
    private final Supplier<Overview> overview;
    private final Supplier<StorageReport> storage;
    private final Supplier<TagCompliance> tags;
    private final Supplier<KeyReport> keys;
    private final Supplier<ActivityReport> activity;
    private final Supplier<List<Resource>> instances;

    public DashboardModel(DashboardData data) {
        this.data = data;
        this.overview = memo(() -> Overview.of(data));
        this.storage = memo(() -> StorageReport.of(data));
        this.tags = memo(() -> TagCompliance.of(data));
        this.keys = memo(() -> KeyReport.of(data, data.rules().rotationDays()));
        this.activity = memo(() -> ActivityReport.of(data));
        this.instances = memo(() -> data.resources().stream().filter(r -> Resource.EC2_INSTANCE.equals(r.type())).toList());
    }

    public DashboardData data() {
        return data;
    }

    public Overview overview() {
        return overview.get();
    }

    public StorageReport storage() {
        return storage.get();
    }

    public TagCompliance tags() {
        return tags.get();
    }

    public KeyReport keys() {
        return keys.get();
    }

    public ActivityReport activity() {
        return activity.get();
    }

    public List<Resource> instances() {
        return instances.get();
    }

    public InstanceRow instanceRow(Resource r) {
        Instant asOf = data.snapshot() == null ? Instant.now() : data.snapshot().takenAt();
        return InstanceRow.of(r, asOf);
    }

    private static <T> Supplier<T> memo(Supplier<T> compute) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) value = compute.get();
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
