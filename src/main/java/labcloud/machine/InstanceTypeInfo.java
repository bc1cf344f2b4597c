package labcloud.machine;

/**
 * What the plan says about an instance type, from EC2's DescribeInstanceTypes.
 *
 * @param architecture x86_64 or arm64 (the AMI is chosen by it)
 */
public record InstanceTypeInfo(String type, int vcpus, long memoryMiB, int gpus, String gpuName, String architecture) {
    /** conda/mamba solving an environment needs about this much memory; smaller types fail mid-install. */
    public static final long MIN_MEMORY_MIB = 2048;

    public double memoryGiB() {
        return memoryMiB / 1024.0;
    }

    public boolean tooSmall() {
        return memoryMiB < MIN_MEMORY_MIB;
    }
}
