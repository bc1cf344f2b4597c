package labcloud.machine;

import java.util.List;
import labcloud.aws.AwsContext;
import labcloud.core.UsageException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.LocationType;

/** Instance type facts and where a type is offered. */
public final class InstanceTypes {
    private final AwsContext aws;

    public InstanceTypes(AwsContext aws) {
        this.aws = aws;
    }

    /** The type's vCPUs, memory, GPUs and architecture; an unknown type is bad input. */
    public InstanceTypeInfo describe(String region, String type) {
        List<software.amazon.awssdk.services.ec2.model.InstanceTypeInfo> found;
        try {
            found = aws.ec2(region).describeInstanceTypes(b -> b.instanceTypesWithStrings(type)).instanceTypes();
        } catch (Ec2Exception e) {
            if (e.awsErrorDetails() != null && String.valueOf(e.awsErrorDetails().errorCode()).startsWith("InvalidInstanceType")) {
                throw unknown(type);
            }
            throw labcloud.aws.AwsErrors.classify(e);
        } catch (RuntimeException e) {
            throw labcloud.aws.AwsErrors.classify(e);
        }
        if (found.isEmpty()) throw unknown(type);
        var t = found.get(0);
        int gpus = 0;
        String gpuName = null;
        if (t.gpuInfo() != null && t.gpuInfo().hasGpus()) {
            for (var g : t.gpuInfo().gpus()) {
                gpus += g.count() == null ? 0 : g.count();
                gpuName = g.manufacturer() + " " + g.name();
            }
        }
        List<String> archs = t.processorInfo() == null ? List.of() : t.processorInfo().supportedArchitecturesAsStrings();
        String arch = archs.contains("arm64") ? "arm64" : "x86_64";
        return new InstanceTypeInfo(t.instanceTypeAsString(), t.vCpuInfo().defaultVCpus(), t.memoryInfo().sizeInMiB(),
                gpus, gpuName, arch);
    }

    /** The availability zones of the region that offer the type, sorted; empty when none does. */
    public List<String> zonesOffering(String region, String type) {
        return AwsContext.call(() -> aws.ec2(region).describeInstanceTypeOfferingsPaginator(b -> b
                        .locationType(LocationType.AVAILABILITY_ZONE)
                        .filters(f -> f.name("instance-type").values(type)))
                .instanceTypeOfferings().stream().map(o -> o.location()).sorted().toList());
    }

    private static UsageException unknown(String type) {
        return new UsageException("unknown instance type '" + type + "' (e.g. t3.large, m7i.xlarge, g5.xlarge)");
    }
}
