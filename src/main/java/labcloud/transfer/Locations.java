package labcloud.transfer;

import java.util.HashMap;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsSettings;
import labcloud.core.UsageException;

/**
 * Turns parsed URLs into stores: s3:// uses the command's own AWS context (profile, region,
 * endpoint); a named remote gets a context of its own built from ~/.labcloud/remotes.yaml.
 */
public final class Locations implements AutoCloseable {
    private final AwsContext base;
    private final Remotes remotes;
    private final Map<String, S3Store> stores = new HashMap<>();

    public Locations(AwsContext base, Remotes remotes) {
        this.base = base;
        this.remotes = remotes;
    }

    public synchronized S3Store store(TransferUrl url) {
        if (url.isLocal()) throw new IllegalArgumentException("local path");
        String name = url.remote() == null ? "s3" : url.remote();
        return stores.computeIfAbsent(name, n -> {
            if (url.remote() == null) {
                String id = "s3|" + base.endpoint("S3").map(Object::toString).orElse("aws") + "|"
                        + base.profileName().orElse("");
                return new S3Store(id, base, () -> base.s3ForTransfers(base.region()), base.s3ObjectIo(base.region()), base.region(), true);
            }
            Remote r = remotes.find(n).orElseThrow(() -> new UsageException("unknown remote '" + n
                    + "' in '" + url.text() + "' (add it with: labcloud remote add " + n + " --endpoint URL)"));
            String region = r.region() != null ? r.region() : AwsContext.DEFAULT_REGION;
            String profile = r.profile() != null ? r.profile() : base.settings().profile();
            AwsContext ctx = new AwsContext(new AwsSettings(profile, region, r.endpoint(), r.compat()),
                    base.environment());
            return new S3Store("remote|" + r.endpoint() + "|" + (profile == null ? "" : profile), ctx, () -> ctx.s3ForTransfers(region),
                    ctx.s3ObjectIo(region), region, false);
        });
    }

    @Override
    public synchronized void close() {
        stores.values().forEach(s -> {
            if (s.aws() != base) s.aws().close();
        });
        stores.clear();
    }
}
