package labcloud.policy.rules;

import java.util.List;
import labcloud.policy.rules.AccessKeyAge;
import labcloud.policy.rules.AccessKeyUnused;
import labcloud.policy.rules.CloudTrailNotLogging;
import labcloud.policy.rules.CloudTrailNotMultiRegion;
import labcloud.policy.rules.EbsUnattached;
import labcloud.policy.rules.EfsLarge;
import labcloud.policy.rules.EipIdle;
import labcloud.policy.rules.InstanceIdleRunning;
import labcloud.policy.rules.InstanceRunningLong;
import labcloud.policy.rules.InstanceStoppedLong;
import labcloud.policy.rules.MfaMissing;
import labcloud.policy.rules.ProjectWithoutBudget;
import labcloud.policy.rules.RegionNotAllowed;
import labcloud.policy.rules.RequiredTags;
import labcloud.policy.rules.S3Public;
import labcloud.policy.rules.TwoActiveKeys;

/** Every rule labcloud knows, in the order reports list them. */
public final class RuleCatalog {
    private static final List<Rule> ALL = List.of(new RequiredTags(), new AccessKeyAge(), new AccessKeyUnused(),
            new TwoActiveKeys(), new MfaMissing(), new EbsUnattached(), new InstanceStoppedLong(),
            new InstanceRunningLong(), new InstanceIdleRunning(), new EipIdle(), new S3Public(), new EfsLarge(),
            new CloudTrailNotMultiRegion(), new CloudTrailNotLogging(), new RegionNotAllowed(), new ProjectWithoutBudget());

    private RuleCatalog() {}

    public static List<Rule> all() {
        return ALL;
    }

    public static Rule byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    public static List<String> ids() {
        return ALL.stream().map(Rule::id).toList();
    }
}
