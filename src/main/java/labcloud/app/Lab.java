package labcloud.app;

import java.nio.file.Path;
import java.util.List;
import labcloud.aws.AwsContext;
import labcloud.core.Environment;
import labcloud.demo.DemoAccount;
import labcloud.demo.DemoSession;
import labcloud.policy.LabPolicy;
import labcloud.policy.PolicyLoader;
import labcloud.store.Store;

/**
 * The lab the use cases work on: one account, the store its history goes to, the lab policy it is
 * audited against, and the regions to read. The policy is decided here, once, so that a command
 * and the dashboard it starts (the demo) can never audit with different rules.
 *
 * @param aws     the account, or null when only the store is shown (dashboard --refresh off)
 * @param regions the regions to read, or null for every enabled one
 * @param deepBucketSizes list bucket contents for their sizes where CloudWatch publishes none (the emulator)
 */
public record Lab(AwsContext aws, Store store, LabPolicy policy, List<String> regions, boolean deepBucketSizes) {

    /** A real account: the policy from {@code policyFile}, else ~/.labcloud/policy.yaml, else the built-in one. */
    public static Lab of(AwsContext aws, Environment env, Path policyFile) {
        return new Lab(aws, Store.open(env), PolicyLoader.load(env, policyFile), null, false);
    }

    /** The store alone, with the policy that decides what the pages measure against. */
    public static Lab storeOnly(Environment env) {
        return new Lab(null, Store.open(env), PolicyLoader.load(env, null), null, false);
    }

    /** The demo's emulated account with the demo lab's own policy (which allows only some regions). */
    public static Lab demo(DemoSession demo) {
        Environment env = demo.environment();
        return new Lab(demo.aws(), Store.open(env), PolicyLoader.load(env, null), DemoAccount.REGIONS, true);
    }

    /** An explicitly given account, store, regions and policy (tests, embedding). */
    public static Lab of(AwsContext aws, Store store, List<String> regions, LabPolicy policy) {
        return new Lab(aws, store, policy, regions, false);
    }

    public Lab withDeepBucketSizes() {
        return new Lab(aws, store, policy, regions, true);
    }

    /** Whether there is an account to refresh from. */
    public boolean connected() {
        return aws != null;
    }

    /** The regions to read: the given ones, else every region enabled for the account. */
    public List<String> resolvedRegions() {
        return regions != null ? regions : aws.resolveRegions("all");
    }
}
