package labcloud.testing;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import labcloud.aws.IamActions;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the IAM action of every AWS SDK call made while recording is on (the permissions test).
 * The SDK installs it in every client it builds, through its global interceptor list
 * (src/test/resources/software/amazon/awssdk/global/handlers/execution.interceptors); when not
 * recording it does nothing.
 */
public final class RecordedActions implements ExecutionInterceptor {
    private static volatile Set<String> recording;

    /** Starts a new recording. */
    public static void start() {
        recording = ConcurrentHashMap.newKeySet();
    }

    /** Stops and returns what was recorded, as IAM actions ("ec2:DescribeInstances"). */
    public static Set<String> stop() {
        Set<String> r = recording;
        recording = null;
        return r == null ? Set.of() : new TreeSet<>(r);
    }

    /** For calls made outside the SDK (the S3 data path), seen on the wire. */
    public static void add(String action) {
        Set<String> r = recording;
        if (r != null) r.add(action);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attrs) {
        Set<String> r = recording;
        if (r != null) {
            r.add(IamActions.forCall(attrs.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
        }
    }
}
