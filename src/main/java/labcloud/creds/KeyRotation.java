package labcloud.creds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsSettings;
import labcloud.core.AuditLog;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.Fields;
import labcloud.core.LabcloudException;
import labcloud.core.Redactor;
import labcloud.core.UsageException;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Safe self-service rotation of the access key in a profile: check the file really holds the key,
 * create the new key, write it into every profile that used the old one, prove the new key works
 * (retrying while IAM propagates it), and only then deactivate or delete the old key. Anything
 * failing after the new key exists is rolled back: the new key is deleted and the file restored,
 * so the user is never locked out.
 */
public final class KeyRotation {
    /** What rotation will do; computed read-only. */
    public record Plan(String profile, String section, String userName, String userArn, String oldKeyId,
                       String otherKeyId, String otherKeyStatus, List<String> profilesUsingKey, boolean deleteOld) {
        public List<String> steps() {
            List<String> s = new ArrayList<>();
            if (otherKeyId != null) {
                s.add("delete the user's other key " + otherKeyId + " (" + otherKeyStatus + ") to make room (IAM allows two)");
            }
            s.add("create a new access key for IAM user " + userName);
            s.add("write it into profile(s) " + String.join(", ", profilesUsingKey) + " (backup: credentials.bak)");
            s.add("verify the new key with sts:GetCallerIdentity");
            s.add((deleteOld ? "delete" : "deactivate") + " the old key " + oldKeyId);
            return s;
        }
    }

    public record Result(Plan plan, String newKeyId, int verifyAttempts) {}

    private final Environment env;
    private final AwsSettings settings;
    private final Duration verifyTimeout;
    private final AuditLog audit;

    /**
     * @param verifyTimeout how long to keep retrying the new key while IAM propagates it (AWS says
     *                      new keys can take several seconds to work everywhere)
     */
    public KeyRotation(Environment env, AwsSettings settings, Duration verifyTimeout) {
        this.env = env;
        this.settings = settings;
        this.verifyTimeout = verifyTimeout;
        this.audit = new AuditLog(env);
    }

    public Plan plan(String profile, boolean deleteOld) {
        Profiles.validateName(profile);
        SharedFile credentials = SharedFile.load(env.awsCredentialsFile());
        IniFile ini = credentials.ini();
        // An MFA-session profile rotates the long-term key kept beside it.
        String section = ini.get(profile, "aws_session_token").isPresent() && ini.hasSection(Profiles.longTerm(profile))
                ? Profiles.longTerm(profile) : profile;
        String oldKey = ini.get(section, "aws_access_key_id").orElseThrow(() -> new UsageException("profile '" + profile
                + "' has no aws_access_key_id in " + credentials.path()
                + " (only keys stored there can be rotated; SSO and role profiles have no long-term key)"));
        if (ini.get(section, "aws_session_token").isPresent()) {
            throw new UsageException("profile '" + section + "' holds temporary session keys, which cannot be rotated");
        }
        try (AwsContext aws = context(section)) {
            String arn = aws.callerIdentity().arn();
            String user = Identity.userNameFromArn(arn);
            if (user == null) {
                throw new UsageException("the key in profile '" + section + "' belongs to " + arn
                        + ", not an IAM user; only IAM user keys can be rotated this way");
            }
            List<AccessKeyMetadata> keys = AwsContext.call(() -> aws.iam().listAccessKeys(b -> b.userName(user)))
                    .accessKeyMetadata();
            if (keys.stream().noneMatch(k -> k.accessKeyId().equals(oldKey))) {
                throw new UsageException("the key in profile '" + section + "' of " + credentials.path()
                        + " is not one of IAM user " + user + "'s keys; nothing to rotate");
            }
            AccessKeyMetadata other = keys.stream().filter(k -> !k.accessKeyId().equals(oldKey)).findFirst().orElse(null);
            List<String> using = new ArrayList<>();
            for (String s : ini.sections()) {
                if (ini.get(s, "aws_access_key_id").filter(oldKey::equals).isPresent()) using.add(s);
            }
            return new Plan(profile, section, user, arn, oldKey, other == null ? null : other.accessKeyId(),
                    other == null ? null : other.statusAsString(), List.copyOf(using), deleteOld);
        }
    }

    /**
     * Carries out a plan. {@code deleteOther} must be true when the user already has a second key:
     * deleting it cannot be undone, so the caller has to have asked.
     */
    public Result apply(Plan plan, boolean deleteOther) {
        if (plan.otherKeyId() != null && !deleteOther) {
            throw new UsageException("IAM user " + plan.userName() + " already has two keys; rotation must delete the other one ("
                    + plan.otherKeyId() + ", " + plan.otherKeyStatus() + ") first: check nothing uses it, then pass --delete-other-key");
        }
        SharedFile credentials = SharedFile.load(env.awsCredentialsFile());
        if (credentials.ini().get(plan.section(), "aws_access_key_id").filter(plan.oldKeyId()::equals).isEmpty()) {
            throw new UsageException(credentials.path() + " changed since the plan was made; run the rotation again");
        }
        try (AwsContext old = context(plan.section())) {
            if (plan.otherKeyId() != null) {
                AwsContext.call(() -> old.iam().deleteAccessKey(b -> b.userName(plan.userName()).accessKeyId(plan.otherKeyId())));
                record("creds.rotate.delete-other", plan, Map.of("accessKeyId", plan.otherKeyId()));
            }
            AccessKey created = AwsContext.call(() -> old.iam().createAccessKey(b -> b.userName(plan.userName()))).accessKey();
            Redactor.register(created.secretAccessKey());
            record("creds.rotate.create", plan, Map.of("accessKeyId", created.accessKeyId()));
            try {
                for (String s : plan.profilesUsingKey()) {
                    credentials.ini().set(s, "aws_access_key_id", created.accessKeyId());
                    credentials.ini().set(s, "aws_secret_access_key", created.secretAccessKey());
                }
                credentials.save();
                record("creds.rotate.write", plan, Fields.of("accessKeyId", created.accessKeyId(),
                        "file", credentials.path().toString(), "profiles", plan.profilesUsingKey()));
                int attempts = verify(plan);
                try (AwsContext fresh = context(plan.section())) {
                    if (plan.deleteOld()) {
                        AwsContext.call(() -> fresh.iam().deleteAccessKey(b -> b.userName(plan.userName())
                                .accessKeyId(plan.oldKeyId())));
                    } else {
                        AwsContext.call(() -> fresh.iam().updateAccessKey(b -> b.userName(plan.userName())
                                .accessKeyId(plan.oldKeyId()).status(StatusType.INACTIVE)));
                    }
                }
                record(plan.deleteOld() ? "creds.rotate.delete-old" : "creds.rotate.deactivate-old", plan,
                        Map.of("accessKeyId", plan.oldKeyId()));
                return new Result(plan, created.accessKeyId(), attempts);
            } catch (RuntimeException e) {
                throw rollback(old, credentials, plan, created.accessKeyId(), e);
            }
        }
    }

    /** GetCallerIdentity with the new key as written in the file, retried with backoff until the deadline. */
    private int verify(Plan plan) {
        long deadline = System.nanoTime() + verifyTimeout.toNanos();
        long backoffMs = 500;
        int attempts = 0;
        while (true) {
            attempts++;
            try (AwsContext fresh = context(plan.section())) {
                String arn = fresh.callerIdentity().arn();
                if (!arn.equals(plan.userArn())) {
                    throw new LabcloudException(ExitCode.FAILED, "the new key identifies as " + arn + ", expected " + plan.userArn());
                }
                return attempts;
            } catch (LabcloudException e) {
                if (e.exitCode() != ExitCode.AUTH || System.nanoTime() + backoffMs * 1_000_000 > deadline) {
                    throw new LabcloudException(e.exitCode(), "the new key did not work after " + attempts + " attempt(s): "
                            + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(backoffMs);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new LabcloudException(ExitCode.FAILED, "interrupted while verifying the new key");
            }
            backoffMs = Math.min(backoffMs * 2, 8_000);
        }
    }

    private LabcloudException rollback(AwsContext old, SharedFile credentials, Plan plan, String newKeyId, RuntimeException cause) {
        List<String> problems = new ArrayList<>();
        try {
            credentials.restore();
        } catch (RuntimeException e) {
            problems.add("restoring " + credentials.path() + " failed (" + e.getMessage() + "; the previous file is "
                    + credentials.path().getFileName() + ".bak)");
        }
        try {
            AwsContext.call(() -> old.iam().deleteAccessKey(b -> b.userName(plan.userName()).accessKeyId(newKeyId)));
        } catch (RuntimeException e) {
            problems.add("deleting the new key " + newKeyId + " failed (" + e.getMessage()
                    + "); delete it with: aws iam delete-access-key --user-name " + plan.userName() + " --access-key-id " + newKeyId);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("newAccessKeyId", newKeyId);
        details.put("oldAccessKeyId", plan.oldKeyId());
        details.put("reason", cause.getMessage());
        details.put("problems", problems);
        record("creds.rotate.rollback", plan, details);
        int code = cause instanceof LabcloudException le ? le.exitCode() : ExitCode.FAILED;
        String what = problems.isEmpty()
                ? "rolled back: the old key " + plan.oldKeyId() + " is still active, the new key was deleted and "
                        + credentials.path() + " restored"
                : "rollback incomplete: " + String.join("; ", problems) + "; the old key " + plan.oldKeyId() + " is still active";
        return new LabcloudException(code, "key rotation failed (" + cause.getMessage() + "); " + what, cause);
    }

    private AwsContext context(String profile) {
        return new AwsContext(new AwsSettings(profile, settings.region(), settings.endpoint(), false), env);
    }

    private void record(String action, Plan plan, Map<String, ?> details) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("profile", plan.profile());
        entry.put("user", plan.userName());
        entry.putAll(details);
        audit.record(action, entry);
    }
}
