package labcloud.pricing;

/**
 * What an instance type offers, from the catalog's {@code instanceTypes} section.
 *
 * @param gpuMemoryGib memory of each GPU
 * @param burstable    a t-family type: its sustained CPU is a fraction of each vCPU
 */
public record InstanceSpec(String type, int vcpu, double memoryGib, int gpus, double gpuMemoryGib, String gpuModel, String arch,
                           boolean burstable) {}
