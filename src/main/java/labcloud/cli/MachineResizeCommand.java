package labcloud.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.app.MachineControl;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.machine.Lifecycle;
import labcloud.machine.Machine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resize", description = "Change a machine's type (stop, change, start again); prints the plan unless --apply.")
final class MachineResizeCommand extends MachineCommand.OnMachine {
    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "the new instance type")
    String type;

    @Option(names = "--force", description = "allow a type with less than 2 GiB of memory")
    boolean force;

    @Option(names = "--apply", description = "resize it (without it, only print the plan)")
    boolean apply;

    @Override
    protected int run() {
        MachineControl c = control();
        Machine m = machine(c);
        Lifecycle.ResizePlan plan = c.planResize(m, type, force);
        plan.warnings().forEach(out()::warn);
        Table t = new Table().fixed("").left("FROM").left("TO");
        t.row("type", plan.from().type(), plan.to().type());
        t.row("vCPU / memory", plan.from().vcpus() + " / " + plan.from().memoryGiB() + " GiB",
                plan.to().vcpus() + " / " + plan.to().memoryGiB() + " GiB");
        t.row("price", MachineLaunchCommand.money(plan.hourlyFrom(), "/hour"), MachineLaunchCommand.money(plan.hourlyTo(), "/hour"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("apply", apply);
        json.put("name", m.name());
        json.put("instanceId", m.instanceId());
        json.put("from", plan.from().type());
        json.put("to", plan.to().type());
        json.put("hourlyFrom", plan.hourlyFrom());
        json.put("hourlyTo", plan.hourlyTo());
        if (!apply) {
            out().result(json, t);
            out().info("dry run: " + (m.stopped() ? "" : m.name() + " is " + m.state() + "; --apply stops it (save your work), ")
                    + "changes the type" + (m.stopped() ? "" : " and starts it again") + "; the disk and its files stay");
            return ExitCode.OK;
        }
        Machine after = c.resize(plan, out().progress("resize"));
        json.put("state", after.state());
        json.put("publicIp", after.publicIp());
        out().result(json, t);
        out().info(m.name() + " is now a " + after.type() + " (" + after.state() + ")"
                + (after.running() ? "; ssh entry labcloud-" + m.name() + " points at " + after.publicIp() : ""));
        return ExitCode.OK;
    }
}
