package labcloud.cost;

import java.util.Map;
import labcloud.inventory.Resource;

/**
 * Which inventoried resource type a bill line (service, usage type) is for, if any, and the region
 * its usage type names. Lines no resource type accounts for (data transfer, NAT gateways, services
 * labcloud does not inventory) are the ones a reconciliation has to explain.
 */
public final class UsageCategory {
    /** Usage-type prefixes (as AWS's price list uses them) to regions; no prefix means us-east-1. */
    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("USE1", "us-east-1"), Map.entry("USE2", "us-east-2"), Map.entry("USW1", "us-west-1"),
            Map.entry("USW2", "us-west-2"), Map.entry("EU", "eu-west-1"), Map.entry("EUW1", "eu-west-1"),
            Map.entry("EUW2", "eu-west-2"), Map.entry("EUW3", "eu-west-3"), Map.entry("EUC1", "eu-central-1"),
            Map.entry("EUC2", "eu-central-2"), Map.entry("EUN1", "eu-north-1"), Map.entry("EUS1", "eu-south-1"),
            Map.entry("APN1", "ap-northeast-1"), Map.entry("APN2", "ap-northeast-2"), Map.entry("APN3", "ap-northeast-3"),
            Map.entry("APS1", "ap-southeast-1"), Map.entry("APS2", "ap-southeast-2"), Map.entry("APS3", "ap-south-1"),
            Map.entry("APS4", "ap-southeast-3"), Map.entry("APE1", "ap-east-1"), Map.entry("CAN1", "ca-central-1"),
            Map.entry("SAE1", "sa-east-1"), Map.entry("AFS1", "af-south-1"), Map.entry("MES1", "me-south-1"),
            Map.entry("MEC1", "me-central-1"), Map.entry("ILC1", "il-central-1"), Map.entry("UGW1", "us-gov-west-1"));

    private UsageCategory() {}

    /** The region a usage type is billed in, e.g. "USW2-NatGateway-Hours" -> us-west-2; "global" for none. */
    public static String region(String usageType) {
        if (usageType == null) return "global";
        int dash = usageType.indexOf('-');
        if (dash > 0) {
            String r = PREFIXES.get(usageType.substring(0, dash));
            if (r != null) return r;
        }
        return usageType.contains(":") || usageType.startsWith("BoxUsage") || usageType.startsWith("TimedStorage")
                || usageType.startsWith("DataTransfer") ? "us-east-1" : "global";
    }

    /** The usage type without its region prefix. */
    public static String base(String usageType) {
        if (usageType == null) return "";
        int dash = usageType.indexOf('-');
        return dash > 0 && PREFIXES.containsKey(usageType.substring(0, dash)) ? usageType.substring(dash + 1) : usageType;
    }

    /** The resource type whose estimate covers this line, or null when no inventoried type does. */
    public static String resourceType(String service, String usageType) {
        String u = base(usageType);
        String s = service == null ? "" : service;
        if (u.contains("DataTransfer") || (u.contains("-Bytes") && !u.startsWith("TimedStorage")) || u.startsWith("NatGateway")) {
            return null; // transfer and NAT: billed per byte or per gateway, estimated by no resource
        }
        if (u.startsWith("BoxUsage") || u.startsWith("SpotUsage") || u.startsWith("DedicatedUsage")
                || u.startsWith("UnusedBox") || u.startsWith("PublicIPv4:InUseAddress")) {
            return Resource.EC2_INSTANCE;
        }
        if (u.startsWith("EBS:Snapshot")) return Resource.EBS_SNAPSHOT;
        if (u.startsWith("EBS:")) return Resource.EBS_VOLUME;
        if (u.startsWith("ElasticIP:") || u.startsWith("PublicIPv4:IdleAddress")) return Resource.ELASTIC_IP;
        if (s.equals("Amazon Simple Storage Service") && (u.startsWith("TimedStorage") || u.startsWith("Requests-"))) {
            return Resource.S3_BUCKET;
        }
        if (s.equals("Amazon Elastic File System")) return Resource.EFS_FILESYSTEM;
        return null;
    }

    /** Who to look for in CloudTrail for a line: the events that start such spend, or none. */
    public static java.util.Set<String> startingEvents(String service, String usageType) {
        String u = base(usageType);
        String s = service == null ? "" : service;
        if (u.startsWith("NatGateway")) return java.util.Set.of("CreateNatGateway");
        if (s.contains("SageMaker")) {
            return java.util.Set.of("CreateNotebookInstance", "CreateTrainingJob", "CreateEndpoint", "CreateProcessingJob", "CreateDomain");
        }
        if (s.contains("Relational Database")) return java.util.Set.of("CreateDBInstance", "CreateDBCluster");
        if (s.contains("Load Balancing")) return java.util.Set.of("CreateLoadBalancer");
        if (s.contains("Lambda")) return java.util.Set.of("CreateFunction20150331", "CreateFunction");
        if (s.contains("Kubernetes")) return java.util.Set.of("CreateCluster", "CreateNodegroup");
        if (s.contains("Redshift")) return java.util.Set.of("CreateCluster");
        if (s.contains("OpenSearch")) return java.util.Set.of("CreateDomain");
        if (Resource.EC2_INSTANCE.equals(resourceType(service, usageType))) return java.util.Set.of("RunInstances");
        if (Resource.EBS_VOLUME.equals(resourceType(service, usageType))) return java.util.Set.of("CreateVolume", "RunInstances");
        return java.util.Set.of();
    }
}
