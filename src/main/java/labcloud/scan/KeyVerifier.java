package labcloud.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsErrors;
import labcloud.aws.AwsSettings;
import labcloud.core.Environment;
import labcloud.core.LabcloudException;
import labcloud.core.Redactor;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Asks STS GetCallerIdentity, signed with a found key pair, whether the key is live: people
 * then know which leaks need rotating right now. The user's region and endpoint settings apply;
 * the user's own credentials are not used.
 */
public final class KeyVerifier {
    public static final String LIVE = "live";
    public static final String DEAD = "dead";
    public static final String UNKNOWN = "unknown";

    private final AwsSettings settings;
    private final Environment env;

    public KeyVerifier(AwsSettings settings, Environment env) {
        this.settings = settings;
        this.env = env;
    }

    /** Returns the result with each paired key ID finding marked live, dead or unknown. */
    public ScanResult verify(ScanResult result) {
        Map<String, String> statusByKey = new HashMap<>();
        Map<String, String> statusByFingerprint = new HashMap<>();
        for (KeyPair pair : result.pairs()) {
            String status = statusByKey.computeIfAbsent(pair.keyId() + "\u0000" + pair.secret(), k -> check(pair));
            statusByFingerprint.merge(pair.keyIdFinding().fingerprint(), status, (a, b) -> a.equals(LIVE) ? a : b);
        }
        List<Finding> out = new ArrayList<>(result.findings().size());
        for (Finding f : result.findings()) {
            String s = statusByFingerprint.get(f.fingerprint());
            out.add(s == null ? f : f.withVerified(s));
        }
        return result.withFindings(List.copyOf(out));
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("<Code>([A-Za-z.]+)</Code>");

    /**
     * The AWS error code; read from the raw response when the SDK could not parse the error
     * envelope (some STS-compatible servers nest it as ErrorResponse/Errors/Error).
     */
    private static String errorCode(Throwable e) {
        String code = AwsErrors.errorCode(e);
        if (code != null) return code;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                    && ase.awsErrorDetails().rawResponse() != null) {
                var m = CODE.matcher(ase.awsErrorDetails().rawResponse().asUtf8String());
                if (m.find()) return m.group(1);
            }
        }
        return null;
    }

    String check(KeyPair pair) {
        Redactor.register(pair.secret()); // whatever goes wrong, the secret is masked in messages
        Map<String, String> vars = new HashMap<>(env.vars());
        vars.remove("AWS_SESSION_TOKEN");
        vars.remove("AWS_SECURITY_TOKEN");
        // Keys in the environment win over profiles; the profile still supplies region and endpoint.
        if (settings.profile() != null) vars.put("AWS_PROFILE", settings.profile());
        vars.put("AWS_ACCESS_KEY_ID", pair.keyId());
        vars.put("AWS_SECRET_ACCESS_KEY", pair.secret());
        vars.put("AWS_MAX_ATTEMPTS", "2");
        AwsSettings s = new AwsSettings(null, settings.region(), settings.endpoint(), false);
        try (AwsContext aws = new AwsContext(s, new Environment(Map.copyOf(vars), env.home()))) {
            aws.callerIdentity();
            return LIVE;
        } catch (LabcloudException e) {
            String code = errorCode(e);
            if (code == null) return UNKNOWN;
            return switch (code) {
                case "InvalidClientTokenId", "SignatureDoesNotMatch", "InvalidAccessKeyId", "AuthFailure",
                     "UnrecognizedClientException", "ExpiredToken" -> DEAD;
                // AWS authenticated the key before refusing the call: it works.
                case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation" -> LIVE;
                default -> UNKNOWN;
            };
        }
    }
}
