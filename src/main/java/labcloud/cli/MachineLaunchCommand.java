package labcloud.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.app.MachineLaunch;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.Sizes;
import labcloud.core.UsageException;
import labcloud.machine.LaunchPlan;
import labcloud.machine.LaunchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "launch", description = "Launch a Jupyter machine (Amazon Linux 2023, Miniforge, JupyterLab); "
        + "prints the plan unless --apply.")
final class MachineLaunchCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the machine's name (ssh labcloud-NAME)")
    String name;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "instance type, e.g. t3.medium (start small; resize later)")
    String type;

    @Option(names = "--disk", paramLabel = "SIZE", description = "root disk (gp3, encrypted), default 50GiB")
    String disk = "50GiB";

    @Option(names = "--project", paramLabel = "P") String project;
    @Option(names = "--task", paramLabel = "T") String task;
    @Option(names = "--owner", paramLabel = "O") String owner;
    @Option(names = "--email", paramLabel = "E") String email;

    @Option(names = "--idle-stop", paramLabel = "DURATION", description = "stop after this long unused (default 60m)")
    String idleStop = "60m";

    @Option(names = "--ssh-cidr", paramLabel = "CIDR", description = "allow SSH from this range (default: your public IP /32)")
    String sshCidr;

    @Option(names = "--public-key", paramLabel = "FILE", description = "import your own OpenSSH public key instead of a new key pair")
    Path publicKey;

    @Option(names = "--force", description = "launch without the lab tags, or with a type under 2 GiB of memory")
    boolean force;

    @Option(names = "--apply", description = "launch it (without it, only print the plan)")
    boolean apply;

    @Override
    protected int run() {
        long diskBytes = Sizes.parse("--disk", disk);
        if (diskBytes % Sizes.GIB != 0) throw new UsageException("--disk must be whole GiB, e.g. 50GiB");
        long idleMinutes = labcloud.core.Durations.parse("--idle-stop", idleStop).toMinutes();
        if (idleMinutes > 7 * 24 * 60) throw new UsageException("--idle-stop is at most 7d");
        Map<String, String> tags = new LinkedHashMap<>();
        putIf(tags, "Email", email);
        putIf(tags, "Owner", owner);
        putIf(tags, "Project", project);
        putIf(tags, "Task", task);
        LaunchRequest req = new LaunchRequest(name, type, diskBytes / Sizes.GIB, account().region(), tags, (int) idleMinutes,
                sshCidr, publicKey, force);
        MachineLaunch launch = account().machineLaunch();
        LaunchPlan plan = launch.plan(req);
        plan.warnings().forEach(out()::warn);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("apply", apply);
        json.put("plan", planJson(plan));
        if (!apply) {
            out().result(json, planTable(plan));
            out().info("dry run: nothing launched; run again with --apply to launch " + name);
            return ExitCode.OK;
        }
        if (out().format() == labcloud.cli.output.Format.TABLE) out().table(planTable(plan));
        MachineLaunch.Launched done = launch.apply(plan, out().progress("launch"));
        var r = done.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instanceId", r.machine().instanceId());
        m.put("state", r.machine().state());
        m.put("publicIp", r.machine().publicIp());
        m.put("amiId", r.amiId());
        m.put("keyPair", r.keyPairName());
        m.put("keyFile", r.keyFile() == null ? null : r.keyFile().toString());
        m.put("securityGroup", r.securityGroupId());
        m.put("sshCidr", r.sshCidr());
        m.put("alarm", r.alarmName());
        m.put("sshHost", r.sshAlias());
        m.put("readySeconds", done.took().toMillis() / 1000.0);
        json.put("machine", m);
        if (out().format() != labcloud.cli.output.Format.TABLE) out().result(json, new Table().left("X"));
        out().info(String.format("ready: %s (%s, %s) in %.1f s; SSH from %s only", r.sshAlias(), r.machine().instanceId(),
                r.machine().publicIp(), done.took().toMillis() / 1000.0, r.sshCidr()));
        out().info("  ssh " + r.sshAlias() + "                      a shell on the machine");
        out().info("  labcloud machine connect " + name + "     JupyterLab at http://127.0.0.1:8888 (tunnel + token)");
        out().info("  VS Code: Remote-SSH: Connect to Host... -> " + r.sshAlias());
        out().info("First boot installs Miniforge and JupyterLab (a few minutes); it stops itself after "
                + idleMinutes + " min unused.");
        return ExitCode.OK;
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v);
    }

    static String money(Double v, String unit) {
        return v == null ? "unknown" : String.format(v < 1 ? "$%.4f%s" : "$%.2f%s", v, unit);
    }

    private static Table planTable(LaunchPlan p) {
        var i = p.info();
        Table t = new Table().fixed("PLAN").left("VALUE");
        t.row("machine", p.name() + " (ssh labcloud-" + p.name() + ")");
        t.row("type", i.type() + ": " + i.vcpus() + " vCPU, " + fmt(i.memoryGiB()) + " GiB"
                + (i.gpus() > 0 ? ", " + i.gpus() + " GPU " + i.gpuName() : ", no GPU") + ", " + i.architecture());
        t.row("price", money(p.hourly(), "/hour") + ", " + money(p.monthly(), "/month") + " if never stopped");
        t.row("disk", p.request().diskGiB() + " GiB gp3, " + money(p.diskMonthly(), "/month") + " (also while stopped)");
        t.row("region", p.region() + " (" + p.zone() + ")");
        t.row("image", "latest Amazon Linux 2023 (SSM " + p.amiParameter().substring(p.amiParameter().lastIndexOf('/') + 1) + ")");
        p.tags().forEach((k, v) -> t.row("tag " + k, v + " (" + p.tagSources().get(k) + ")"));
        p.missingTags().forEach(k -> t.row("tag " + k, "MISSING (--force)"));
        t.row("idle-stop", p.request().idleStopMinutes() + " min unused; backstop alarm: CPU < 2% for 2 h");
        t.row("access", "SSH from " + (p.request().sshCidr() != null ? p.request().sshCidr() : "your public IP /32")
                + "; Jupyter only through the SSH tunnel");
        t.row("key", p.publicKey() != null ? "import " + p.request().publicKeyFile()
                : "new ed25519 key pair, private key in ~/.ssh/labcloud/" + p.name() + ".pem");
        return t;
    }

    private static Map<String, Object> planJson(LaunchPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("region", p.region());
        m.put("availabilityZone", p.zone());
        m.put("instanceType", p.info().type());
        m.put("vcpus", p.info().vcpus());
        m.put("memoryGiB", p.info().memoryGiB());
        m.put("gpus", p.info().gpus());
        m.put("architecture", p.info().architecture());
        m.put("hourly", p.hourly());
        m.put("monthly", p.monthly());
        m.put("diskGiB", p.request().diskGiB());
        m.put("diskMonthly", p.diskMonthly());
        m.put("amiParameter", p.amiParameter());
        m.put("tags", p.tags());
        m.put("missingTags", p.missingTags());
        m.put("idleStopMinutes", p.request().idleStopMinutes());
        m.put("sshCidr", p.request().sshCidr());
        return m;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format("%.1f", d);
    }
}
