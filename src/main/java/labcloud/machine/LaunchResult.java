package labcloud.machine;

import java.nio.file.Path;

/** A launched machine and what labcloud made for it. @param keyFile the private key, or null for an imported key */
public record LaunchResult(Machine machine, String amiId, String keyPairName, Path keyFile, String securityGroupId,
                          String sshCidr, String alarmName, String sshAlias) {}
