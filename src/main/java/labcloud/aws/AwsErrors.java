package labcloud.aws;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;
import labcloud.core.AuthException;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.Redactor;
import labcloud.core.RegionError;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Turns SDK failures into one-line, secret-free {@link LabcloudException}s with the right exit code. */
public final class AwsErrors {
    /** The caller is known, but lacks a permission. */
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "UnauthorizedAccess", "Forbidden", "AllAccessDisabled", "OptInRequired");
    /** The credentials themselves were rejected. */
    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidClientTokenId", "SignatureDoesNotMatch",
            "ExpiredToken", "ExpiredTokenException", "RequestExpired", "InvalidAccessKeyId", "AuthFailure",
            "UnrecognizedClientException", "InvalidToken", "TokenRefreshRequired");
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "RequestLimitExceeded",
            "SlowDown", "TooManyRequestsException", "RequestThrottled", "RequestThrottledException");

    private AwsErrors() {}

    public static boolean isAuth(Throwable t) {
        return t instanceof AuthException || classify(t).exitCode() == ExitCode.AUTH;
    }

    public static String errorCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
                return ase.awsErrorDetails().errorCode();
            }
        }
        return null;
    }

    /** A failure reading one region or service, as the partial results of a command list it. */
    public static RegionError regionError(String region, String service, Throwable t) {
        LabcloudException e = classify(t);
        return new RegionError(region, service, e.getMessage(), e.exitCode() == ExitCode.AUTH);
    }

    /** One line describing what failed, without secrets. */
    public static LabcloudException classify(Throwable t) {
        if (t instanceof LabcloudException le) return le;
        AwsCall call = AwsCall.find(t);
        String where = call == null ? "" : " (" + call.iamAction() + " in " + call.region() + ")";
        String code = errorCode(t);
        int status = t instanceof SdkServiceException sse ? sse.statusCode() : 0;
        if (code != null && BAD_CREDENTIALS.contains(code)) {
            return new AuthException("AWS rejected the credentials: " + code + where
                    + "; check the profile with `labcloud creds whoami` (expired MFA session? run `labcloud creds mfa`)", t);
        }
        if ((code != null && DENIED.contains(code)) || status == 403) {
            String action = call == null ? "a permission" : call.iamAction();
            return new AuthException("permission denied: the credentials in use lack " + action
                    + (call == null ? "" : " in " + call.region())
                    + "; `labcloud iam-policy` prints the policy labcloud needs", t);
        }
        if (code != null && THROTTLING.contains(code)) {
            return new LabcloudException(ExitCode.FAILED, "AWS kept throttling the request after retries: " + code + where, t);
        }
        if (t instanceof SdkServiceException sse) {
            String msg = sse instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                    ? ase.awsErrorDetails().errorMessage() : sse.getMessage();
            return new LabcloudException(ExitCode.FAILED, "AWS error " + (code == null ? "HTTP " + status : code)
                    + where + ": " + Redactor.all(firstLine(msg)), t);
        }
        Throwable root = rootCause(t);
        if (t instanceof SdkClientException && t.getMessage() != null && t.getMessage().contains("Unable to load credentials")) {
            return new AuthException("no AWS credentials found: set up a profile with `labcloud creds import FILE.csv "
                    + "--profile NAME`, then pass --profile NAME or set AWS_PROFILE", t);
        }
        if (root instanceof ConnectException || root instanceof UnknownHostException
                || root instanceof java.net.SocketException || root instanceof java.net.http.HttpConnectTimeoutException) {
            return new LabcloudException(ExitCode.FAILED, "cannot reach AWS" + where + ": "
                    + root.getClass().getSimpleName() + " " + Redactor.all(firstLine(root.getMessage())), t);
        }
        return new LabcloudException(ExitCode.FAILED, Redactor.all(firstLine(
                t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())) + where, t);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // The SDK appends "(Service: Ec2, Status Code: 403, Request ID: ...)"; keep the human part.
        int svc = line.indexOf(" (Service: ");
        return (svc > 0 ? line.substring(0, svc) : line).trim();
    }
}
