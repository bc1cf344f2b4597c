package labcloud.creds;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsErrors;
import labcloud.aws.AwsSettings;
import labcloud.core.AuditLog;
import labcloud.core.AuthException;
import labcloud.core.Environment;
import labcloud.core.Redactor;
import labcloud.core.UsageException;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The aws-mfa pattern: a profile's long-term keys live in [NAME-long-term] (moved there on first
 * use); STS GetSessionToken with the MFA device's serial and a one-time code puts short-term keys,
 * a session token and their expiration into [NAME], which every AWS tool then uses as usual.
 */
public final class MfaSessions {
    /** A session this close to expiry is renewed rather than reused. */
    static final Duration REUSE_MARGIN = Duration.ofMinutes(5);
    private static final DateTimeFormatter AWS_MFA_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public enum Status { CREATED, REUSED }

    public record Result(String profile, Status status, Instant expiration, String serial, String sessionKeyId,
                         boolean movedLongTermKeys) {}

    private final Environment env;
    private final AwsSettings settings;

    public MfaSessions(Environment env, AwsSettings settings) {
        this.env = env;
        this.settings = settings;
    }

    /**
     * Reuses a valid session, or gets a new one. The code is asked for only when a new session is
     * needed. Nothing is written unless STS accepted the code.
     */
    public Result session(String profile, String serialOption, Supplier<String> code, Duration duration, boolean force,
                          Instant now) {
        Profiles.validateName(profile);
        SharedFile credentials = SharedFile.load(env.awsCredentialsFile());
        IniFile ini = credentials.ini();
        String longTerm = Profiles.longTerm(profile);
        boolean haveLongTerm = ini.hasSection(longTerm);
        if (!haveLongTerm) {
            if (!ini.hasSection(profile) || ini.get(profile, "aws_access_key_id").isEmpty()) {
                throw new UsageException("profile '" + profile + "' has no access key in " + credentials.path()
                        + " (import one first: labcloud creds import FILE.csv --profile " + profile + ")");
            }
            if (ini.get(profile, "aws_session_token").isPresent()) {
                throw new UsageException("profile '" + profile + "' holds session keys and there is no [" + longTerm
                        + "] with the long-term keys in " + credentials.path());
            }
        } else if (ini.get(longTerm, "aws_access_key_id").isEmpty()) {
            throw new UsageException("[" + longTerm + "] in " + credentials.path() + " has no aws_access_key_id");
        }

        if (haveLongTerm && !force && ini.get(profile, "aws_session_token").isPresent()) {
            Optional<Instant> exp = ini.get(profile, "expiration").flatMap(MfaSessions::parseExpiration);
            if (exp.isPresent() && exp.get().isAfter(now.plus(REUSE_MARGIN))) {
                return new Result(profile, Status.REUSED, exp.get(), ini.get(longTerm, "mfa_serial").orElse(null),
                        ini.get(profile, "aws_access_key_id").orElse(null), false);
            }
        }

        String keySection = haveLongTerm ? longTerm : profile;
        try (AwsContext lt = new AwsContext(new AwsSettings(keySection, settings.region(), settings.endpoint(), false), env)) {
            String serial = serialOption != null ? serialOption : findSerial(lt, ini, keySection, profile);
            String otp = code.get();
            if (otp == null || !otp.strip().matches("\\d{6}")) {
                throw new UsageException("--code must be the 6-digit code your MFA device shows now");
            }
            Credentials session = getSessionToken(lt, serial, otp.strip(), duration);
            Redactor.register(session.secretAccessKey());
            Redactor.register(session.sessionToken());

            if (!haveLongTerm) {
                // First use: the long-term keys move aside so that [NAME] can hold the session.
                ini.set(longTerm, "aws_access_key_id", ini.get(profile, "aws_access_key_id").orElseThrow());
                ini.set(longTerm, "aws_secret_access_key", ini.get(profile, "aws_secret_access_key").orElse(""));
            }
            ini.set(longTerm, "mfa_serial", serial);
            ini.set(profile, "aws_access_key_id", session.accessKeyId());
            ini.set(profile, "aws_secret_access_key", session.secretAccessKey());
            ini.set(profile, "aws_session_token", session.sessionToken());
            ini.set(profile, "expiration", session.expiration().toString());
            credentials.save();

            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("profile", profile);
            audit.put("mfaSerial", serial);
            audit.put("sessionAccessKeyId", session.accessKeyId());
            audit.put("expiration", session.expiration().toString());
            audit.put("movedLongTermKeys", !haveLongTerm);
            new AuditLog(env).record("creds.mfa", audit);
            return new Result(profile, Status.CREATED, session.expiration(), serial, session.accessKeyId(), !haveLongTerm);
        }
    }

    private String findSerial(AwsContext lt, IniFile ini, String keySection, String profile) {
        Optional<String> configured = ini.get(keySection, "mfa_serial").or(() -> ini.get(profile, "mfa_serial"))
                .or(() -> IniFile.parse(readConfig()).get(SharedFile.configSection(profile), "mfa_serial"));
        if (configured.isPresent()) return configured.get();
        String user = Identity.userNameFromArn(lt.callerIdentity().arn());
        if (user == null) throw new UsageException("no MFA device known for profile '" + profile + "': pass --serial ARN");
        List<MFADevice> devices = AwsContext.call(() -> lt.iam().listMFADevices(b -> b.userName(user))).mfaDevices();
        if (devices.isEmpty()) {
            throw new UsageException("IAM user '" + user + "' has no MFA device: assign one in the IAM console "
                    + "(Security credentials > Assign MFA device), then run this again");
        }
        if (devices.size() > 1) {
            throw new UsageException("IAM user '" + user + "' has " + devices.size() + " MFA devices ("
                    + String.join(", ", devices.stream().map(MFADevice::serialNumber).toList()) + "): choose one with --serial");
        }
        return devices.getFirst().serialNumber();
    }

    private String readConfig() {
        return SharedFile.load(env.awsConfigFile()).ini().content();
    }

    private static Credentials getSessionToken(AwsContext lt, String serial, String otp, Duration duration) {
        try {
            return lt.sts().getSessionToken(b -> b.serialNumber(serial).tokenCode(otp)
                    .durationSeconds((int) duration.toSeconds())).credentials();
        } catch (RuntimeException e) {
            String code = AwsErrors.errorCode(e);
            String message = e.getMessage() == null ? "" : e.getMessage();
            if ("AccessDenied".equals(code) && message.contains("MultiFactorAuthentication failed")) {
                throw new AuthException("the MFA code was not accepted for " + serial
                        + " (AWS: invalid one-time code): wait for the next code on your device and try again; "
                        + "each code works only once", e);
            }
            throw AwsErrors.classify(e);
        }
    }

    /** ISO-8601 as labcloud writes it, or aws-mfa's "yyyy-MM-dd HH:mm:ss" (UTC). */
    static Optional<Instant> parseExpiration(String text) {
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text.strip(), AWS_MFA_FORMAT).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
