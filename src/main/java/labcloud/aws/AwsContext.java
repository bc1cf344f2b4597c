package labcloud.aws;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import labcloud.core.Environment;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The one way labcloud talks to AWS, for one account and set of settings. Each concern lives in a
 * class of its own ({@link AwsConfig} settings and profile, {@link Credentials}, {@link Endpoints},
 * {@link Regions}, {@link RetryPolicy}, {@link HttpPools}, {@link ClientFactory}, {@link FanOut});
 * this class is what the rest of labcloud holds, and only wires and delegates.
 *
 * <p>Clients are created once per service and region and share one HTTP connection pool. A new
 * service is one method here: {@code client("name", region, "ENV_NAME", XClient::builder)}.
 */
public final class AwsContext implements AutoCloseable {
    public static final String DEFAULT_REGION = AwsConfig.DEFAULT_REGION;
    /** Concurrency for region/service fan-out: enough to overlap latency, gentle on API limits. */
    public static final int FAN_OUT = 16;

    private final AwsConfig config;
    private final Credentials credentials;
    private final Endpoints endpoints;
    private final RetryPolicy retries;
    private final HttpPools http;
    private final ClientFactory clients;
    private final Regions regions;

    public AwsContext(AwsSettings settings, Environment env) {
        this.config = new AwsConfig(settings, env);
        this.credentials = new Credentials(config);
        this.endpoints = new Endpoints(config);
        this.retries = new RetryPolicy(config);
        this.http = new HttpPools(config);
        this.clients = new ClientFactory(config, credentials, endpoints, retries, http);
        this.regions = new Regions(this::region, () -> call(() -> ec2(region()).describeRegions(b -> b.allRegions(false))));
    }

    public static AwsContext fromSystem(AwsSettings settings) {
        return new AwsContext(settings, Environment.system());
    }

    public AwsSettings settings() {
        return config.settings();
    }

    public Environment environment() {
        return config.env();
    }

    // ---- credentials ---------------------------------------------------------------------------

    public AwsCredentialsProvider credentialsProvider() {
        return credentials.provider();
    }

    public CredentialOrigin credentialOrigin() {
        return credentials.origin();
    }

    /** The profile in use, or empty when the credentials come from elsewhere. */
    public Optional<String> profileName() {
        return credentials.profileName();
    }

    /** Resolves the credentials now; a failure here is an authentication error (exit 4). */
    public AwsCredentials credentials() {
        return credentials.now();
    }

    public GetCallerIdentityResponse callerIdentity() {
        return call(() -> sts().getCallerIdentity());
    }

    // ---- region, endpoint, profile ---------------------------------------------------------------

    /** --region, then AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then us-east-1. */
    public String region() {
        String r = config.region();
        validateRegionName(r); // a region name also ends up in file names and URLs: never "../x"
        return r;
    }

    /**
     * The endpoint override for a service, or empty for AWS's own endpoints: --endpoint-url, then
     * AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, then the profile's endpoint_url.
     */
    public Optional<URI> endpoint(String serviceEnvName) {
        return endpoints.override(serviceEnvName);
    }

    public boolean hasEndpointOverride() {
        return endpoints.s3Overridden();
    }

    public Optional<Profile> profile(String name) {
        return config.profile(name);
    }

    // ---- clients -------------------------------------------------------------------------------

    public StsClient sts() {
        return client("sts", region(), "STS", StsClient::builder);
    }

    public IamClient iam() {
        // IAM is global; its endpoint lives in us-east-1 (aws-global).
        return client("iam", "us-east-1", "IAM", () -> IamClient.builder().region(Region.AWS_GLOBAL));
    }

    public Ec2Client ec2(String region) {
        return client("ec2", region, "EC2", Ec2Client::builder);
    }

    public EfsClient efs(String region) {
        return client("efs", region, "EFS", EfsClient::builder);
    }

    public CloudWatchClient cloudWatch(String region) {
        return client("cloudwatch", region, "CLOUDWATCH", CloudWatchClient::builder);
    }

    public CloudTrailClient cloudTrail(String region) {
        return client("cloudtrail", region, "CLOUDTRAIL", CloudTrailClient::builder);
    }

    public ResourceGroupsTaggingApiClient tagging(String region) {
        return client("tagging", region, "RESOURCE_GROUPS_TAGGING_API", ResourceGroupsTaggingApiClient::builder);
    }

    public CostExplorerClient costExplorer() {
        return client("ce", "us-east-1", "COST_EXPLORER", CostExplorerClient::builder);
    }

    // ---- AWS Budgets (spend) -------------------------------------------------------------------

    /** AWS Budgets is global; its endpoint lives in us-east-1. */
    public software.amazon.awssdk.services.budgets.BudgetsClient budgets() {
        return client("budgets", "us-east-1", "BUDGETS", software.amazon.awssdk.services.budgets.BudgetsClient::builder);
    }

    // ---- machine clients (labcloud machine) ----------------------------------------------------

    /** SSM, read-only use: the public parameters that name the latest Amazon Linux AMIs. */
    public software.amazon.awssdk.services.ssm.SsmClient ssm(String region) {
        return client("ssm", region, "SSM", software.amazon.awssdk.services.ssm.SsmClient::builder);
    }

    /**
     * An S3 client for a bucket's region. With an endpoint override or --compat it uses
     * path-style addressing and sends checksums only where the API requires them, which
     * S3-compatible stores (S3Proxy, Ceph, MinIO, R2) need.
     */
    public S3Client s3(String region) {
        return clients.s3(region);
    }

    public S3Client s3() {
        return s3(region());
    }

    /**
     * An S3 client for bulk transfers: like {@link #s3(String)}, but with standard retries (backoff
     * with jitter, no client-side rate limiter: the transfer engine bounds its own concurrency, and
     * one SlowDown must not throttle a thousand parallel small files to a crawl) and a connection
     * pool of its own sized for many parallel requests.
     */
    public S3Client s3ForTransfers(String region) {
        return clients.s3ForTransfers(region);
    }

    /**
     * The S3 data plane (PutObject, UploadPart, GetObject) for one region, addressing the store
     * as {@link #s3ForTransfers} does: the endpoint override with path-style requests, or
     * AWS's regional endpoint (FIPS and dual-stack as AWS_USE_FIPS_ENDPOINT and
     * AWS_USE_DUALSTACK_ENDPOINT ask).
     */
    public S3ObjectIo s3ObjectIo(String region) {
        Regions.validate(region);
        Optional<URI> override = endpoints.override("S3");
        URI endpoint = override.orElseGet(() -> endpoints.awsS3(region));
        return new S3ObjectIo(http.objects(), this::credentials, region, endpoint,
                settings().compat() || override.isPresent(), config.maxAttempts());
    }

    /** The cached client of a service in a region, made by {@link ClientFactory}. */
    private <C extends software.amazon.awssdk.core.SdkClient,
            B extends AwsClientBuilder<B, C> & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>> C client(
            String service, String region, String envName, Supplier<B> builder) {
        return clients.client(service, region, envName, builder);
    }

    /** Applies credentials, region, endpoint and the retry policy to any client builder. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B b, String region, String envName) {
        return clients.configure(b, region, envName);
    }

    /** The retry policy and call recording every API client gets. */
    ClientOverrideConfiguration overrideConfiguration() {
        return retries.apiCalls();
    }

    // ---- regions -------------------------------------------------------------------------------

    /**
     * The regions enabled for this account: those that need no opt-in plus those opted in
     * (DescribeRegions without AllRegions returns exactly these).
     */
    public List<String> enabledRegions() {
        return regions.enabled();
    }

    /**
     * Parses a --regions value: "all" for every enabled region, or a comma-separated list, each
     * checked against the regions AWS knows (exit 2 for a typo, naming it).
     */
    public List<String> resolveRegions(String spec) {
        return regions.resolve(spec);
    }

    /**
     * The one rule for a region name, wherever it comes from (--region, --regions, the environment,
     * the profile): one AWS knows or one shaped like them; exit 2 otherwise.
     */
    public static void validateRegionName(String r) {
        Regions.validate(r);
    }

    /** A --regions value ("all", or names each checked as above), as it will be resolved; exit 2 otherwise. */
    public static String validateRegionSpec(String spec) {
        return Regions.checkSpec(spec);
    }

    /** Runs work across regions/services in parallel with this context's bounded concurrency. */
    public FanOut fanOut() {
        return new FanOut(FAN_OUT);
    }

    /** Runs one AWS call, turning SDK failures into labcloud errors with exit codes. */
    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw AwsErrors.classify(e);
        }
    }

    @Override
    public void close() {
        clients.close();
        http.close();
    }
}
