package labcloud.machine;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the user asked for. Null fields take their defaults.
 *
 * @param tags          lab tags given on the command line (they win over config.yaml and IAM)
 * @param sshCidr       the address range SSH is open to; null for the caller's public IP /32
 * @param publicKeyFile the user's own public key to import instead of a new key pair
 * @param force         allow missing tags and types with less than 2 GiB
 */
public record LaunchRequest(String name, String type, long diskGiB, String region, Map<String, String> tags,
                            int idleStopMinutes, String sshCidr, Path publicKeyFile, boolean force) {
    public static final long DEFAULT_DISK_GIB = 50;
    public static final int DEFAULT_IDLE_STOP_MINUTES = 60;
}
