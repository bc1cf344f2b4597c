package labcloud.machine;

import labcloud.aws.AwsContext;
import labcloud.core.LabcloudException;
import labcloud.core.ExitCode;

/**
 * The latest Amazon Linux 2023 AMI for an architecture, as AWS publishes it in public SSM
 * parameters: the id changes with every release and differs per region, so it is never written down.
 */
public final class Amis {
    public static final String PARAMETER_PREFIX = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-";

    private Amis() {}

    public static String parameterFor(String architecture) {
        return PARAMETER_PREFIX + ("arm64".equals(architecture) ? "arm64" : "x86_64");
    }

    public static String latest(AwsContext aws, String region, String architecture) {
        String name = parameterFor(architecture);
        String id = AwsContext.call(() -> aws.ssm(region).getParameter(b -> b.name(name)).parameter().value());
        if (id == null || !id.startsWith("ami-")) {
            throw new LabcloudException(ExitCode.FAILED, "SSM parameter " + name + " in " + region + " holds no AMI id");
        }
        return id;
    }
}
