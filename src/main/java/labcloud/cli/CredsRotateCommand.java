package labcloud.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import labcloud.creds.KeyRotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rotate", mixinStandardHelpOptions = true, description = "Rotate the access key of a profile safely (dry run unless --apply).")
public final class CredsRotateCommand extends BaseCommand {
    @Option(names = "--delete-old", description = "delete the old key instead of deactivating it")
    boolean deleteOld;

    @Option(names = "--delete-other-key", description = "if the user already has two keys, delete the one not in use here first")
    boolean deleteOther;

    @Option(names = "--apply", description = "carry out the rotation (otherwise: show the plan; on a terminal, ask)")
    boolean apply;

    @Override
    protected int run() {
        String profile = globals().profile != null ? globals().profile : env().get("AWS_PROFILE").orElse(null);
        if (profile == null) throw new UsageException("--profile NAME is required (the profile whose key to rotate)");
        Duration verify = Duration.ofSeconds(env().get("LABCLOUD_ROTATE_VERIFY_SECONDS").map(Long::parseLong).orElse(60L));
        KeyRotation rotation = account().keyRotation(verify);
        KeyRotation.Plan plan = rotation.plan(profile, deleteOld);

        out().info("Plan for profile '" + profile + "' (IAM user " + plan.userName() + ", key " + plan.oldKeyId() + "):");
        int n = 1;
        for (String step : plan.steps()) out().info("  " + n++ + ". " + step);
        if (plan.otherKeyId() != null && "Active".equals(plan.otherKeyStatus())) {
            out().warn("the other key " + plan.otherKeyId() + " is ACTIVE: something may still use it");
        }
        boolean go = apply || Prompts.confirm("Rotate now?");
        boolean removeOther = deleteOther || plan.otherKeyId() != null && go
                && Prompts.confirm("Delete the other key " + plan.otherKeyId() + " (" + plan.otherKeyStatus() + ")?");

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", plan.profile());
        json.put("user", plan.userName());
        json.put("oldAccessKeyId", plan.oldKeyId());
        json.put("otherAccessKeyId", plan.otherKeyId());
        json.put("profiles", plan.profilesUsingKey());
        json.put("steps", plan.steps());
        Table t = new Table().fixed("PROFILE").left("USER").fixed("OLD KEY").fixed("NEW KEY").left("OLD KEY NOW");
        if (!go) {
            json.put("applied", false);
            t.row(plan.profile(), plan.userName(), plan.oldKeyId(), "(dry run)", "unchanged");
            out().result(json, t);
            out().info("Dry run: nothing changed. Re-run with --apply to rotate.");
            return ExitCode.OK;
        }
        KeyRotation.Result r = rotation.apply(plan, removeOther);
        json.put("applied", true);
        json.put("newAccessKeyId", r.newKeyId());
        json.put("oldKeyAction", deleteOld ? "deleted" : "deactivated");
        json.put("verifyAttempts", r.verifyAttempts());
        t.row(plan.profile(), plan.userName(), plan.oldKeyId(), r.newKeyId(), deleteOld ? "deleted" : "inactive");
        out().result(json, t);
        out().info("Rotated: profile(s) " + String.join(", ", plan.profilesUsingKey()) + " now use the new key"
                + (deleteOld ? "." : "; delete the old key later with --delete-old or in the IAM console."));
        return ExitCode.OK;
    }
}
