package labcloud.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import labcloud.core.AuthException;
import labcloud.core.Environment;
import labcloud.core.UsageException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The one way labcloud talks to AWS: credentials and profile (as the AWS CLI resolves them), region,
 * endpoint override, retry and throttling policy, a client cache, and region fan-out.
 *
 * <p>Clients are created once per service and region and share one HTTP connection pool.
 */
public final class AwsContext implements AutoCloseable {
    public static final String DEFAULT_REGION = "us-east-1";
    /** Concurrency for region/service fan-out: enough to overlap latency, gentle on API limits. */
    public static final int FAN_OUT = 16;

    private final AwsSettings settings;
    private final Environment env;
    private final ProfileFile profiles;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private volatile CredentialResolver.Resolved credentials;
    private volatile SdkHttpClient http;
    private volatile List<String> enabledRegions;

    public AwsContext(AwsSettings settings, Environment env) {
        this.settings = settings;
        this.env = env;
        this.profiles = CredentialResolver.loadProfiles(env);
    }

    public static AwsContext fromSystem(AwsSettings settings) {
        return new AwsContext(settings, Environment.system());
    }

    public AwsSettings settings() {
        return settings;
    }

    public Environment environment() {
        return env;
    }

    // ---- credentials ---------------------------------------------------------------------------

    private CredentialResolver.Resolved resolved() {
        if (credentials == null) {
            synchronized (this) {
                if (credentials == null) credentials = new CredentialResolver(env, profiles).resolve(settings.profile());
            }
        }
        return credentials;
    }

    public AwsCredentialsProvider credentialsProvider() {
        return resolved().provider();
    }

    public CredentialOrigin credentialOrigin() {
        return resolved().origin();
    }

    /** The profile in use, or empty when the credentials come from elsewhere. */
    public Optional<String> profileName() {
        return Optional.ofNullable(resolved().profileName());
    }

    /** Resolves the credentials now; a failure here is an authentication error (exit 4). */
    public AwsCredentials credentials() {
        try {
            return credentialsProvider().resolveCredentials();
        } catch (labcloud.core.LabcloudException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AwsErrors.classify(e) instanceof AuthException ae ? ae
                    : new AuthException("cannot load AWS credentials: " + AwsErrors.classify(e).getMessage(), e);
        }
    }

    public GetCallerIdentityResponse callerIdentity() {
        return call(() -> sts().getCallerIdentity());
    }

    // ---- region and endpoint -------------------------------------------------------------------

    /** --region, then AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then us-east-1. */
    public String region() {
        if (settings.region() != null) return settings.region();
        return env.get("AWS_REGION").or(() -> env.get("AWS_DEFAULT_REGION"))
                .or(() -> profileProperty("region"))
                .orElse(DEFAULT_REGION);
    }

    /**
     * The endpoint override for a service, or empty for AWS's own endpoints: --endpoint-url, then
     * AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, then the profile's endpoint_url.
     */
    public Optional<URI> endpoint(String serviceEnvName) {
        if (settings.endpoint() != null) return Optional.of(settings.endpoint());
        return env.get("AWS_ENDPOINT_URL_" + serviceEnvName.toUpperCase(Locale.ROOT))
                .or(() -> env.get("AWS_ENDPOINT_URL"))
                .or(() -> profileProperty("endpoint_url"))
                .map(AwsContext::parseEndpoint);
    }

    public boolean hasEndpointOverride() {
        return endpoint("S3").isPresent();
    }

    private static URI parseEndpoint(String s) {
        try {
            URI u = URI.create(s.trim());
            if (u.getScheme() == null || u.getHost() == null) throw new IllegalArgumentException();
            return u;
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid endpoint URL '" + s + "' (expected e.g. http://127.0.0.1:9000)");
        }
    }

    private Optional<String> profileProperty(String name) {
        String profile = settings.profile() != null ? settings.profile()
                : env.get("AWS_PROFILE").orElse("default");
        return profiles.profile(profile).flatMap(p -> p.property(name)).filter(v -> !v.isBlank());
    }

    public Optional<Profile> profile(String name) {
        return profiles.profile(name);
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

    /**
     * An S3 client for a bucket's region. With an endpoint override or --compat it uses
     * path-style addressing and sends checksums only where the API requires them, which
     * S3-compatible stores (S3Proxy, Ceph, MinIO, R2) need.
     */
    public S3Client s3(String region) {
        return client("s3", region, "S3", () -> {
            var b = S3Client.builder();
            configureS3(b);
            return b;
        });
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
        validateRegionName(region);
        return (S3Client) clients.computeIfAbsent("s3-transfer/" + region, k -> {
            var b = S3Client.builder();
            configureS3(b);
            // Over plain http the SDK signs every body in 128 KiB aws-chunked pieces (a copy and an
            // HMAC each); one SHA-256 over the body costs far less. Bodies carry Content-MD5 anyway.
            b.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.compat() || hasEndpointOverride())
                    .chunkedEncodingEnabled(false).build());
            configure(b, region, "S3");
            int attempts = maxAttempts();
            b.overrideConfiguration(overrideConfiguration().toBuilder()
                    .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts).build())
                    .build());
            b.httpClient(transferHttp());
            return b.build();
        });
    }

    /** AWS_MAX_ATTEMPTS as the AWS CLI reads it (8 when unset); a bad value is a usage error. */
    private int maxAttempts() {
        String v = env.get("AWS_MAX_ATTEMPTS").orElse("8").strip();
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("AWS_MAX_ATTEMPTS must be a whole number of at least 1, not '" + v + "'");
    }

    private volatile Http1Client objectHttp;

    /**
     * The S3 data plane (PutObject, UploadPart, GetObject) for one region, addressing the store
     * as {@link #s3ForTransfers} does: the endpoint override with path-style requests, or
     * AWS's regional endpoint (FIPS and dual-stack as AWS_USE_FIPS_ENDPOINT and
     * AWS_USE_DUALSTACK_ENDPOINT ask).
     */
    public S3ObjectIo s3ObjectIo(String region) {
        validateRegionName(region);
        Optional<URI> override = endpoint("S3");
        URI endpoint = override.orElseGet(() -> awsS3Endpoint(region));
        int attempts = maxAttempts();
        return new S3ObjectIo(objectHttp(), this::credentials, region, endpoint,
                settings.compat() || override.isPresent(), attempts);
    }

    private URI awsS3Endpoint(String region) {
        boolean fips = env.get("AWS_USE_FIPS_ENDPOINT").or(() -> profileProperty("use_fips_endpoint"))
                .map(Boolean::parseBoolean).orElse(false);
        boolean dualStack = env.get("AWS_USE_DUALSTACK_ENDPOINT").or(() -> profileProperty("use_dualstack_endpoint"))
                .map(Boolean::parseBoolean).orElse(false);
        return URI.create("https://s3" + (fips ? "-fips" : "") + (dualStack ? ".dualstack" : "") + "." + region
                + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : ""));
    }

    private Http1Client objectHttp() {
        if (objectHttp == null) {
            synchronized (this) {
                if (objectHttp == null) objectHttp = new Http1Client(Duration.ofSeconds(5), Duration.ofSeconds(60));
            }
        }
        return objectHttp;
    }

    private void configureS3(software.amazon.awssdk.services.s3.S3ClientBuilder b) {
        if (settings.compat() || hasEndpointOverride()) {
            b.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        if (settings.compat()) {
            b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
    }

    private volatile SdkHttpClient transferHttp;

    private SdkHttpClient transferHttp() {
        if (transferHttp == null) {
            synchronized (this) {
                if (transferHttp == null) {
                    transferHttp = ApacheHttpClient.builder()
                            .maxConnections(256)
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(60))
                            .tcpKeepAlive(true)
                            .build();
                }
            }
        }
        return transferHttp;
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C client(
            String service, String region, String envName, Supplier<B> builder) {
        validateRegionName(region);
        return (C) clients.computeIfAbsent(service + "/" + region, k -> {
            B b = builder.get();
            configure(b, region, envName);
            b.httpClient(http());
            return b.build();
        });
    }

    /** Applies credentials, region, endpoint and the retry policy to any client builder. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B b, String region, String envName) {
        b.credentialsProvider(credentialsProvider());
        if (!(b instanceof software.amazon.awssdk.services.iam.IamClientBuilder)) b.region(Region.of(region));
        endpoint(envName).ifPresent(b::endpointOverride);
        b.overrideConfiguration(overrideConfiguration());
        return b;
    }

    /**
     * Adaptive retries: exponential backoff with jitter, and a client-side rate limiter that slows
     * down on Throttling, RequestLimitExceeded and SlowDown. AWS_MAX_ATTEMPTS overrides the count.
     */
    ClientOverrideConfiguration overrideConfiguration() {
        int attempts = maxAttempts();
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(attempts).build())
                .addExecutionInterceptor(new CallContextInterceptor())
                .build();
    }

    private SdkHttpClient http() {
        if (http == null) {
            synchronized (this) {
                if (http == null) {
                    http = ApacheHttpClient.builder()
                            .maxConnections(128)
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(60))
                            .build();
                }
            }
        }
        return http;
    }

    // ---- regions -------------------------------------------------------------------------------

    /**
     * The regions enabled for this account: those that need no opt-in plus those opted in
     * (DescribeRegions without AllRegions returns exactly these).
     */
    public List<String> enabledRegions() {
        if (enabledRegions == null) {
            DescribeRegionsResponse r = call(() -> ec2(region()).describeRegions(b -> b.allRegions(false)));
            List<String> names = new ArrayList<>();
            r.regions().forEach(reg -> {
                String status = reg.optInStatus();
                if (status == null || !"not-opted-in".equals(status)) names.add(reg.regionName());
            });
            names.sort(Comparator.naturalOrder());
            enabledRegions = List.copyOf(names);
        }
        return enabledRegions;
    }

    /**
     * Parses a --regions value: "all" for every enabled region, or a comma-separated list, each
     * checked against the regions AWS knows (exit 2 for a typo, naming it).
     */
    public List<String> resolveRegions(String spec) {
        if (spec == null || spec.isBlank()) return List.of(region());
        if (spec.trim().equalsIgnoreCase("all")) return enabledRegions();
        List<String> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String r = part.trim().toLowerCase(Locale.ROOT);
            if (r.isEmpty()) continue;
            validateRegionName(r);
            if (!out.contains(r)) out.add(r);
        }
        if (out.isEmpty()) throw new UsageException("--regions is empty (use 'all' or e.g. us-east-1,eu-west-1)");
        return out;
    }

    private static final Set<String> KNOWN_REGIONS = knownRegions();

    private static Set<String> knownRegions() {
        Set<String> s = ConcurrentHashMap.newKeySet();
        Region.regions().forEach(r -> s.add(r.id()));
        return s;
    }

    static void validateRegionName(String r) {
        if (!KNOWN_REGIONS.contains(r) && !r.matches("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d")) {
            throw new UsageException("unknown region '" + r + "' (e.g. us-east-1, eu-west-1; 'all' for every enabled region)");
        }
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
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // closing is best effort
            }
        });
        clients.clear();
        if (http != null) http.close();
        if (transferHttp != null) transferHttp.close();
        if (objectHttp != null) objectHttp.close();
    }
}
