package labcloud.creds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.core.AuditLog;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.UsageException;

/**
 * Writes an access key from a console CSV into ~/.aws/credentials (and a region into ~/.aws/config)
 * exactly where the AWS CLI looks for it, touching nothing else in either file.
 */
public final class CredentialImporter {
    /** What an import did; the key ID is the full ID (callers shorten it for display). */
    public record Result(String profile, String userName, String accessKeyId, Path credentialsFile, Path configFile,
                         String region, boolean replaced) {}

    private final Environment env;

    public CredentialImporter(Environment env) {
        this.env = env;
    }

    /**
     * Parses and validates everything before writing anything, so bad input leaves both files
     * byte-identical.
     */
    public Result importCsv(Path csv, String profile, String region, String user, boolean force) {
        Profiles.validateName(profile);
        if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new UsageException("--region '" + region + "' is not a region name (e.g. us-east-1, eu-west-1)");
        }
        byte[] bytes = readCsv(csv);
        ConsoleKeyCsv.Row row = ConsoleKeyCsv.choose(csv, ConsoleKeyCsv.parse(csv, bytes), user);

        SharedFile credentials = SharedFile.load(env.awsCredentialsFile());
        SharedFile config = SharedFile.load(env.awsConfigFile());
        boolean exists = credentials.ini().hasSection(profile);
        if (exists && !force) {
            throw new UsageException("profile '" + profile + "' already exists in " + credentials.path()
                    + "; pass --force to replace its keys, or choose another --profile");
        }
        IniFile ini = credentials.ini();
        ini.set(profile, "aws_access_key_id", row.accessKeyId());
        ini.set(profile, "aws_secret_access_key", row.secretAccessKey());
        // Stale session values would make the CLI send a token that no longer matches the key.
        ini.remove(profile, "aws_session_token");
        ini.remove(profile, "aws_security_token");
        ini.remove(profile, "expiration");
        if (region != null) config.ini().set(SharedFile.configSection(profile), "region", region);

        credentials.save();
        try {
            config.save();
        } catch (LabcloudException e) {
            credentials.restore();
            throw e;
        }
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("profile", profile);
        audit.put("accessKeyId", row.accessKeyId());
        audit.put("file", credentials.path().toString());
        audit.put("replaced", exists);
        new AuditLog(env).record("creds.import", audit);
        return new Result(profile, row.userName(), row.accessKeyId(), credentials.path(),
                region == null ? null : config.path(), region, exists);
    }

    private static byte[] readCsv(Path csv) {
        if (!Files.isRegularFile(csv)) throw new UsageException(csv + ": no such file");
        try {
            if (Files.size(csv) > 1_000_000) throw new UsageException(csv + ": too large for a console key CSV");
            return Files.readAllBytes(csv);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.USAGE, csv + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Deletes the CSV once its key is safely in the credentials file. */
    public static void deleteCsv(Path csv) {
        try {
            Files.deleteIfExists(csv);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot delete " + csv + ": " + e.getMessage(), e);
        }
    }
}
