package labcloud.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.cli.convert.SessionDurationConverter;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.Redactor;
import labcloud.core.UsageException;
import labcloud.creds.MfaSessions;
import labcloud.creds.Profiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mfa", mixinStandardHelpOptions = true, description = "Get an MFA session for a profile (long-term keys kept in [NAME-long-term]).")
public final class CredsMfaCommand extends BaseCommand {
    @Option(names = "--code", paramLabel = "123456", description = "the 6-digit code from the MFA device (asked on a terminal)")
    String code;

    @Option(names = "--duration", paramLabel = "12h", converter = SessionDurationConverter.class, description = "session length, 15m to 36h (default 12h)")
    Duration duration = Duration.ofHours(12);

    @Option(names = "--serial", paramLabel = "ARN", description = "MFA device serial/ARN (default: mfa_serial, else the user's only device)")
    String serial;

    @Option(names = "--force", description = "get a new session even if the current one is still valid")
    boolean force;

    @Override
    protected int run() {
        String profile = globals().profile != null ? globals().profile : env().get("AWS_PROFILE").orElse(null);
        if (profile == null) throw new UsageException("--profile NAME is required (the profile to put the MFA session in)");
        var d = duration;
        MfaSessions.Result r = account().mfaSessions()
                .session(profile, serial, this::askCode, d, force, Instant.now());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", r.profile());
        json.put("status", r.status().name().toLowerCase());
        json.put("expiration", r.expiration());
        json.put("mfaSerial", r.serial());
        json.put("sessionAccessKeyId", Redactor.shortKeyId(r.sessionKeyId()));
        json.put("longTermProfile", Profiles.longTerm(r.profile()));
        json.put("movedLongTermKeys", r.movedLongTermKeys());
        Table t = new Table().fixed("PROFILE").left("SESSION").left("EXPIRES").left("LONG-TERM KEYS IN");
        t.row(r.profile(), r.status() == MfaSessions.Status.REUSED ? "reused (still valid)" : "new",
                r.expiration(), Profiles.longTerm(r.profile()));
        out().result(json, t);
        if (r.status() == MfaSessions.Status.REUSED) out().info("The session is valid until " + r.expiration()
                + "; --force gets a new one.");
        return ExitCode.OK;
    }

    private String askCode() {
        if (code != null) return code;
        String typed = Prompts.ask("MFA code for profile " + globals().profile + ":");
        if (typed == null) throw new UsageException("--code is required when not on a terminal (the 6-digit MFA code)");
        return typed;
    }
}
