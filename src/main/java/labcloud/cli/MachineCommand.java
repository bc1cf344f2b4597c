package labcloud.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.app.MachineControl;
import labcloud.app.MachineListing;
import labcloud.cli.convert.RegionsConverter;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import labcloud.machine.LabDefaults;
import labcloud.machine.Machine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "machine", description = "Jupyter machines on EC2: launch small, resize, connect VS Code, never forget one running.",
        subcommands = {MachineLaunchCommand.class, MachineCommand.ListMachines.class, MachineCommand.SshConfigCmd.class,
                MachineCommand.Connect.class, MachineCommand.Stop.class, MachineCommand.Start.class,
                MachineResizeCommand.class, MachineTerminateCommand.class, MachineCommand.Hold.class})
public final class MachineCommand extends BaseCommand {
    @Override
    protected int run() {
        throw new UsageException("machine needs a subcommand: launch, list, ssh-config, connect, stop, start, resize, "
                + "terminate or hold (see 'labcloud machine --help')");
    }

    /** Base of the commands that act on one named machine in the current region. */
    abstract static class OnMachine extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "the machine's name")
        String name;

        MachineControl control() {
            return account().machines();
        }

        Machine machine(MachineControl c) {
            return c.find(account().region(), name);
        }

        void printState(Machine m) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", m.name());
            json.put("instanceId", m.instanceId());
            json.put("region", m.region());
            json.put("state", m.state());
            json.put("type", m.type());
            json.put("publicIp", m.publicIp());
            Table t = new Table().fixed("NAME").fixed("INSTANCE").fixed("STATE").fixed("TYPE").left("PUBLIC IP");
            t.row(m.name(), m.instanceId(), m.state(), m.type(), m.publicIp() == null ? "-" : m.publicIp());
            out().result(json, t);
        }
    }

    @Command(name = "list", description = "The machines in every region: state, type, uptime, $/month, idle minutes, idle-stop.")
    static final class ListMachines extends BaseCommand {
        @Option(names = "--regions", paramLabel = "all|r1,r2", converter = RegionsConverter.class, description = "regions to look in (default all enabled)")
        String regions = "all";

        @Option(names = "--all", description = "every lab member's machines, not just yours")
        boolean all;

        @Override
        protected int run() {
            String owner = all ? null : LabDefaults.load(env()).tags().get("Owner");
            if (owner == null && !all) owner = account().callerTags().get("Owner");
            var progress = out().progress("machines");
            progress.update("looking in " + regions);
            MachineListing.Result r = account().machineListing().list(account().regions(regions), owner);
            progress.done();
            Table t = new Table().fixed("NAME").fixed("REGION").fixed("STATE").fixed("TYPE").right("UPTIME").right("$/MONTH")
                    .right("IDLE").left("IDLE-STOP").left("OWNER");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (MachineListing.Row row : r.rows()) {
                Machine m = row.machine();
                String idleStop = row.idleStopMinutes() == null ? "off" : row.idleStopMinutes() + "m";
                if (row.holdUntil() != null && row.holdUntil().isAfter(Instant.now())) idleStop += " held to " + row.holdUntil();
                t.row(m.name(), m.region(), m.state(), m.type(), minutes(row.uptimeMinutes()),
                        row.monthly() == null ? "?" : String.format("%.2f", row.monthly()), minutes(row.idleMinutes()), idleStop,
                        m.tags().getOrDefault("Owner", "-"));
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("name", m.name());
                j.put("instanceId", m.instanceId());
                j.put("region", m.region());
                j.put("state", m.state());
                j.put("type", m.type());
                j.put("publicIp", m.publicIp());
                j.put("uptimeMinutes", row.uptimeMinutes());
                j.put("hourly", row.hourly());
                j.put("monthlyCost", row.monthly());
                j.put("idleMinutes", row.idleMinutes());
                j.put("idleStopMinutes", row.idleStopMinutes());
                j.put("holdUntil", row.holdUntil() == null ? null : row.holdUntil().toString());
                j.put("tags", m.tags());
                rows.add(j);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("owner", owner);
            json.put("machines", rows);
            json.put("errors", r.errors());
            out().result(json, t);
            if (r.rows().isEmpty()) out().info(owner == null ? "no machines" : "no machines owned by " + owner + " (--all for everyone's)");
            r.errors().forEach(e -> out().warn(e.region() + " " + e.service() + ": " + e.message()));
            return r.errors().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
        }

        private static String minutes(Long m) {
            if (m == null) return "-";
            return m < 120 ? m + "m" : m < 48 * 60 ? (m / 60) + "h" : (m / 1440) + "d";
        }
    }

    @Command(name = "ssh-config", description = "Write one block per running machine into ~/.ssh/config (the rest stays as it is).")
    static final class SshConfigCmd extends BaseCommand {
        @Parameters(arity = "0..1", paramLabel = "NAME", description = "only this machine")
        String name;

        @Override
        protected int run() {
            if (name != null) labcloud.machine.MachineTags.checkName(name);
            int n = account().machines().refreshSshConfig(account().region(), name);
            if (name != null && n == 0) throw new UsageException("no running machine named '" + name + "' in " + account().region());
            out().info(n + " machine" + (n == 1 ? "" : "s") + " written to " + env().home().resolve(".ssh/config"));
            return ExitCode.OK;
        }
    }

    @Command(name = "connect", description = "Open the SSH tunnel and print the Jupyter URL (with its token, read over SSH).")
    static final class Connect extends OnMachine {
        @Option(names = "--start", description = "start the machine if it is stopped")
        boolean start;

        @Option(names = "--no-tunnel", description = "print the URL and return (VS Code or your own ssh keeps the tunnel)")
        boolean noTunnel;

        @Override
        protected int run() {
            MachineControl c = control();
            Machine m = machine(c);
            if (!m.running() && !start) {
                throw new UsageException(name + " is " + m.state() + "; connect --start starts it (billing resumes)");
            }
            var conn = c.connect(m, out().progress("connect"));
            out().line(conn.jupyterUrl());
            if (noTunnel) {
                out().info("open the tunnel with: ssh -N " + conn.alias());
                return ExitCode.OK;
            }
            out().info("tunnel open (ssh -N " + conn.alias() + "); Ctrl-C closes it");
            int rc = conn.session().tunnel();
            return rc == 0 || rc == 130 ? ExitCode.OK : ExitCode.FAILED;
        }
    }

    @Command(name = "stop", description = "Stop a machine (the disk stays and is still billed).")
    static final class Stop extends OnMachine {
        @Override
        protected int run() {
            MachineControl c = control();
            Machine m = c.stop(machine(c), out().progress("stop"));
            printState(m);
            return ExitCode.OK;
        }
    }

    @Command(name = "start", description = "Start a stopped machine and refresh its SSH entry (the public IP changes).")
    static final class Start extends OnMachine {
        @Override
        protected int run() {
            MachineControl c = control();
            Machine m = c.start(machine(c), out().progress("start"));
            printState(m);
            out().info("ssh entry labcloud-" + m.name() + " now points at " + m.publicIp());
            return ExitCode.OK;
        }
    }

    @Command(name = "hold", description = "Postpone idle-stop: labcloud machine hold NAME 3h (0 releases the hold).")
    static final class Hold extends OnMachine {
        @Parameters(index = "1", paramLabel = "DURATION", description = "e.g. 3h, 1d; 0 to release")
        String duration;

        @Override
        protected int run() {
            Duration d = duration.strip().equals("0") ? Duration.ZERO : labcloud.core.Durations.parse("DURATION", duration);
            MachineControl c = control();
            Instant until = c.hold(machine(c), d);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("holdUntil", until == null ? null : until.toString());
            Table t = new Table().fixed("NAME").left("HOLD UNTIL");
            t.row(name, until == null ? "released" : until.toString());
            out().result(json, t);
            return ExitCode.OK;
        }
    }
}
