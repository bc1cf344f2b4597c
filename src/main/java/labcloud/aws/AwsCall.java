package labcloud.aws;

/**
 * Which AWS operation failed, attached to the SDK's exception as a suppressed marker by
 * {@link CallContextInterceptor}, so that errors can name the IAM permission that was missing.
 */
public final class AwsCall extends RuntimeException {
    private final String serviceId;
    private final String operation;
    private final String region;

    AwsCall(String serviceId, String operation, String region) {
        super(serviceId + ":" + operation + " in " + region, null, false, false);
        this.serviceId = serviceId;
        this.operation = operation;
        this.region = region;
    }

    public String serviceId() {
        return serviceId;
    }

    public String operation() {
        return operation;
    }

    public String region() {
        return region;
    }

    /** The IAM action this call needs, e.g. {@code ec2:DescribeInstances} or {@code s3:ListBucket}. */
    public String iamAction() {
        return IamActions.forCall(serviceId, operation);
    }

    static AwsCall find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AwsCall call) return call;
            for (Throwable s : c.getSuppressed()) {
                if (s instanceof AwsCall call) return call;
            }
        }
        return null;
    }
}
