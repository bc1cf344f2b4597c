package labcloud.aws;

import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/** Marks every failed call with its service, operation and region (see {@link AwsCall}). */
final class CallContextInterceptor implements ExecutionInterceptor {
    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attrs) {
        Throwable t = context.exception();
        if (AwsCall.find(t) == null) {
            Region region = attrs.getAttribute(AwsExecutionAttribute.AWS_REGION);
            t.addSuppressed(new AwsCall(
                    attrs.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    region == null ? "global" : region.id()));
        }
        return t;
    }
}
