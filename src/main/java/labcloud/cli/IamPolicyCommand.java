package labcloud.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.Fields;
import labcloud.iam.IamPolicyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "iam-policy", description = "Print the least-privilege IAM policy a labcloud command needs "
        + "(no COMMAND: list the commands; --all: one policy for every command).")
public final class IamPolicyCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "e.g. audit, trail, tag set, inventory")
    List<String> command = List.of();

    @Option(names = "--all", description = "print one policy covering every command")
    boolean all;

    @Override
    protected int run() {
        IamPolicyCatalog catalog = IamPolicyCatalog.load();
        if (!command.isEmpty()) {
            var found = catalog.find(String.join(" ", command));
            out().json(catalog.documentFor(found));
            if (found.actions().isEmpty()) out().info("'" + found.command() + "' makes no AWS calls: it needs no IAM permissions");
            return ExitCode.OK;
        }
        if (all) {
            out().json(catalog.union());
            return ExitCode.OK;
        }
        Table t = new Table().fixed("COMMAND").right("ACTIONS").left("SERVICES");
        for (var c : catalog.commands()) {
            t.row(c.command(), c.actions().size(), String.join(" ", c.actions().stream()
                    .map(a -> a.substring(0, a.indexOf(':'))).distinct().toList()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("commands", catalog.commands().stream().map(c -> Fields.of("command", c.command(), "actions", c.actions())).toList());
        out().result(json, t);
        out().info("labcloud iam-policy COMMAND prints a command's policy; --all prints one for every command");
        return ExitCode.OK;
    }
}
