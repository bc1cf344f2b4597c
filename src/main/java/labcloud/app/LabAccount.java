package labcloud.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsSettings;
import labcloud.core.AuditLog;
import labcloud.core.Environment;
import labcloud.core.ProgressListener;
import labcloud.cost.Spend;
import labcloud.creds.CredsDoctor;
import labcloud.creds.Identity;
import labcloud.creds.KeyRotation;
import labcloud.creds.MfaSessions;
import labcloud.creds.WhoAmI;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.InventoryService;
import labcloud.inventory.Resource;
import labcloud.machine.LabDefaults;
import labcloud.machine.StateWaiter;
import labcloud.policy.TagWriter;
import labcloud.scan.KeyVerifier;
import labcloud.store.Store;
import labcloud.trail.TrailFacts;
import labcloud.trail.TrailService;
import labcloud.transfer.DataMover;
import labcloud.transfer.Locations;
import labcloud.transfer.Remotes;
import labcloud.transfer.TransferSettings;

/**
 * The AWS account a command works on, as the shells hold it: made from what the user asked for
 * (profile, region, endpoint, S3 compatibility) and the environment, it hands out use cases already
 * wired to the account. The connection is opened on first use, so a command that never reaches AWS
 * (or fails on its input first) never resolves credentials; {@link #close()} releases it.
 * The shells never see how the account is reached (labcloud.aws).
 */
public final class LabAccount implements AutoCloseable {
    private final AwsSettings settings;
    private final Environment env;
    private AwsContext aws;

    private LabAccount(AwsSettings settings, Environment env) {
        this.settings = settings;
        this.env = env;
    }

    /**
     * @param profile  null for AWS_PROFILE or 'default'
     * @param region   null for AWS_REGION, the profile's region, then us-east-1
     * @param endpoint null for AWS_ENDPOINT_URL*, the profile's endpoint_url, else AWS itself
     * @param compat   an S3-compatible store: path-style addressing, checksums only where required
     */
    public static LabAccount of(String profile, String region, URI endpoint, boolean compat, Environment env) {
        return new LabAccount(new AwsSettings(profile, region, endpoint, compat), env);
    }

    /**
     * A region name checked by the rule the account applies to every region it is given (a name
     * ends up in host names and file paths: never "../x"); exit 2 otherwise.
     */
    public static String checkRegion(String name) {
        AwsContext.validateRegionName(name);
        return name;
    }

    /** A --regions value, "all" or a comma-separated list, checked as {@link #regions(String)} will read it. */
    public static String checkRegions(String spec) {
        return AwsContext.validateRegionSpec(spec);
    }

    AwsContext aws() {
        if (aws == null) aws = new AwsContext(settings, env);
        return aws;
    }

    @Override
    public void close() {
        if (aws != null) aws.close();
    }

    // ---- the account's regions ------------------------------------------------------------------

    /** The region in use: --region, then AWS_REGION, AWS_DEFAULT_REGION, the profile's, then us-east-1. */
    public String region() {
        return aws().region();
    }

    /** A --regions value: "all" for every enabled region, or a list of names (exit 2 for a typo). */
    public List<String> regions(String spec) {
        return aws().resolveRegions(spec);
    }

    // ---- use cases ------------------------------------------------------------------------------

    /** The lab on this account: its store and the policy from {@code policyFile}, ~/.labcloud/policy.yaml or the built-in one. */
    public Lab lab(Path policyFile) {
        return Lab.of(aws(), env, policyFile);
    }

    public InventoryRun.Saved collectAndSave(Store store, InventoryOptions options) {
        return InventoryRun.collectAndSave(aws(), store, options);
    }

    /** An inventory that is not kept (a plan's input, e.g. what `tag` would change). */
    public Inventory collect(InventoryOptions options) {
        return InventoryService.collect(aws(), options);
    }

    public TrailService trail() {
        return new TrailService(aws());
    }

    /** Who created each resource, from CloudTrail. */
    public TrailFacts trailFacts(List<Resource> resources, List<String> regions) {
        return TrailFacts.load(aws(), resources, regions);
    }

    public TagWriter tagWriter(AuditLog log) {
        return new TagWriter(aws(), log);
    }

    public BudgetChanges budgets(AuditLog log) {
        return new BudgetChanges(aws(), log);
    }

    public Spend spend(Store store, SpendReport.Options options, ProgressListener progress) {
        return SpendReport.run(aws(), store, options, progress);
    }

    public MachineControl machines() {
        return new MachineControl(aws(), StateWaiter.standard(aws()));
    }

    public MachineLaunch machineLaunch() {
        return new MachineLaunch(aws(), StateWaiter.standard(aws()));
    }

    public MachineListing machineListing() {
        return new MachineListing(aws());
    }

    /** The lab tags (Owner, Email, ...) the caller's IAM user carries. */
    public Map<String, String> callerTags() {
        return LabDefaults.fromIamUser(aws());
    }

    // ---- credentials ----------------------------------------------------------------------------

    public Identity whoami(Instant now) {
        return WhoAmI.lookup(aws(), now);
    }

    /** Local credential checks; the account is reached only for the checks that need it. */
    public CredsDoctor.Report credsDoctor(Path dir, Instant now, Duration maxKeyAge, boolean fix) {
        return new CredsDoctor(env, dir).run(this::aws, now, maxKeyAge, fix);
    }

    public KeyVerifier keyVerifier() {
        return new KeyVerifier(settings, env);
    }

    public KeyRotation keyRotation(Duration verifyTimeout) {
        return new KeyRotation(env, settings, verifyTimeout);
    }

    public MfaSessions mfaSessions() {
        return new MfaSessions(env, settings);
    }

    // ---- data -----------------------------------------------------------------------------------

    /** s3:// through this account, NAME: through the saved remotes; the caller closes it. */
    public Locations locations(Remotes remotes) {
        return new Locations(aws(), remotes);
    }

    /** The copy/sync engine on this account; the caller closes it. */
    public DataMover mover(TransferSettings transferSettings) {
        return new DataMover(aws(), env, transferSettings);
    }
}
