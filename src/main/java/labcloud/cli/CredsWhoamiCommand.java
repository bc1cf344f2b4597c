package labcloud.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.Redactor;
import labcloud.creds.Identity;
import picocli.CommandLine.Command;

@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Show the account, ARN, key (shortened), key age, MFA and where the credentials come from.")
public final class CredsWhoamiCommand extends BaseCommand {
    @Override
    protected int run() {
        Identity id = account().whoami(Instant.now());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account", id.account());
        json.put("arn", id.arn());
        json.put("userName", id.userName());
        json.put("accessKeyId", Redactor.shortKeyId(id.accessKeyId()));
        json.put("keyCreated", id.keyCreated());
        json.put("keyAgeDays", id.keyAgeDays());
        json.put("keyStatus", id.keyStatus());
        json.put("mfaEnabled", id.mfaEnabled());
        json.put("origin", id.origin());
        json.put("profile", id.profile());
        json.put("notes", id.notes());

        Table t = new Table().left("FIELD").left("VALUE");
        t.row("account", id.account());
        t.row("arn", id.arn());
        t.row("access key", Redactor.shortKeyId(id.accessKeyId()));
        t.row("key age", id.keyAgeDays() == null ? "unknown" : id.keyAgeDays() + " days (created " + id.keyCreated() + ")");
        t.row("mfa", id.mfaEnabled() == null ? "unknown" : id.mfaEnabled() ? "enabled" : "NOT enabled");
        t.row("from", id.origin() + (id.profile() == null ? "" : " '" + id.profile() + "'"));
        out().result(json, t);
        id.notes().forEach(n -> out().info("note: " + n));
        return ExitCode.OK;
    }
}
