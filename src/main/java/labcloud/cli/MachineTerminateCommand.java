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

@Command(name = "terminate", description = "Delete a machine and what labcloud made for it; the disk goes too unless --keep-disk. "
        + "Prints the plan unless --apply.")
final class MachineTerminateCommand extends MachineCommand.OnMachine {
    @Option(names = "--keep-disk", description = "keep the data volume (it is still billed; attach it to another machine)")
    boolean keepDisk;

    @Option(names = "--apply", description = "terminate it (without it, only print the plan)")
    boolean apply;

    @Override
    protected int run() {
        MachineControl c = control();
        Machine m = machine(c);
        String disk = String.join(" ", m.volumeIds());
        if (!apply) {
            Table t = new Table().fixed("PLAN").left("WHAT");
            t.row("terminate", m.instanceId() + " (" + m.name() + ", " + m.state() + ")");
            t.row("disk", keepDisk ? "keep " + disk + " (still billed)" : "DELETE " + disk + " and every file on it");
            t.row("remove", "key pair, security group, idle alarm, ~/.ssh/config block, ~/.ssh/labcloud/" + m.name() + ".pem");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("apply", false);
            json.put("name", m.name());
            json.put("instanceId", m.instanceId());
            json.put("volumes", m.volumeIds());
            json.put("keepDisk", keepDisk);
            out().result(json, t);
            out().info("dry run: nothing deleted; run again with --apply" + (keepDisk ? "" : " (add --keep-disk to keep the data volume)"));
            return ExitCode.OK;
        }
        Lifecycle.Terminated r = c.terminate(m, keepDisk, out().progress("terminate"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("apply", true);
        json.put("name", m.name());
        json.put("instanceId", m.instanceId());
        json.put("keptVolumes", r.keptVolumes());
        json.put("deletedVolumes", r.deletedVolumes());
        json.put("keyPairDeleted", r.keyPairDeleted());
        json.put("securityGroupDeleted", r.securityGroupDeleted());
        json.put("sshBlockRemoved", r.sshBlockRemoved());
        json.put("keyFileDeleted", r.keyFileDeleted());
        json.put("warnings", r.warnings());
        Table t = new Table().fixed("DONE").left("WHAT");
        t.row("terminated", m.instanceId());
        t.row("disk", keepDisk ? "kept " + String.join(" ", r.keptVolumes()) + " (still billed: delete it when done)"
                : "deleted with the instance: " + String.join(" ", r.deletedVolumes()));
        t.row("removed", (r.keyPairDeleted() ? "key pair, " : "") + (r.securityGroupDeleted() ? "security group, " : "")
                + "idle alarm" + (r.sshBlockRemoved() ? ", ssh block" : "") + (r.keyFileDeleted() ? ", key file" : ""));
        out().result(json, t);
        r.warnings().forEach(out()::warn);
        return r.warnings().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }
}
