package labcloud.cli;

import java.util.Locale;
import labcloud.advise.Advice;
import labcloud.advise.StorageOption;
import labcloud.advise.profile.Profile;
import labcloud.cli.output.Output;
import labcloud.cli.output.Table;
import labcloud.core.Sizes;
import labcloud.pricing.EgressCost;

/** The text rendering of an {@link Advice} and a {@link Profile}. */
final class AdviceText {
    private AdviceText() {}

    static void advice(Output out, Advice a) {
        out.line("Where to run it (" + a.tree() + ", prices for " + a.region() + ")");
        out.line("");
        int i = 1;
        for (var s : a.path()) {
            out.line(String.format(Locale.ROOT, "%2d. %s %s", i++, s.ask(), s.answer() ? "yes" : "no"));
            out.line("    " + s.reason());
        }
        out.line("");
        out.line(out.bold("-> " + a.leaf().title()) + (a.leaf().say() == null ? "" : ": " + a.leaf().say()));
        if (!a.instances().isEmpty()) {
            out.line("");
            String market = a.instances().get(0).market();
            out.line("Cheapest instance types in " + a.region() + " with at least " + a.shown().get("ram") + ", "
                    + a.shown().get("cores") + " vCPUs" + (Boolean.TRUE.equals(a.facts().get("gpu")) ? " and a GPU" : "") + " ("
                    + market + "; a run of " + a.shown().get("hours") + ", " + a.shown().get("runsPerMonth") + " a month, "
                    + a.shown().get("months") + " months):");
            Table t = new Table().fixed("TYPE").right("VCPU").right("MEMORY").left("GPU").right("$/HOUR").right("$/RUN")
                    .right("$/MONTH").right("PROJECT");
            for (Advice.Instance in : a.instances()) {
                t.row(in.type(), in.vcpu(), num(in.memoryGib()) + " GiB",
                        in.gpus() == 0 ? "-" : in.gpus() + " x " + (in.gpuModel() == null ? "GPU" : in.gpuModel().replace("NVIDIA ", "")) + " " + num(in.gpuMemoryGib()) + "G",
                        String.format(Locale.ROOT, "$%.4f", in.rate()), money(in.perRun()), money(in.perMonth()), money(in.projectTotal()));
            }
            out.table(t);
        }
        if (!a.commands().isEmpty()) {
            out.line("");
            out.line(a.leaf().kind().equals("ec2-short") ? "Start it (set up small, resize for the runs):" : "Start it:");
            a.commands().forEach(c -> out.line("  " + c));
        }
        if (!a.storage().isEmpty()) {
            out.line("");
            out.line("Keeping the " + a.shown().get("data") + " of data in " + a.region() + " (each run reads it once; requests not counted):");
            Table t = new Table().fixed("WHERE").right("$/MONTH").right("RETRIEVAL/MONTH").right("MINIMUM").right("PROJECT");
            for (StorageOption s : a.storage()) {
                t.row(s.name(), money(s.monthlyStorage()), money(s.monthlyRetrieval()),
                        s.minimumDays() == 0 ? "-" : s.minimumDays() + " days", money(s.projectTotal()));
            }
            out.table(t);
        }
        if (a.egress() != null) {
            out.line("");
            Advice.Egress e = a.egress();
            if (e.results() != null) out.line("Bringing results back: " + egress(e.results()) + " a month");
            if (e.dataDownload() != null) out.line("Downloading the data from S3: " + egress(e.dataDownload()) + " each time");
            out.line("  " + e.note());
        }
        if (a.breakEven() != null) {
            out.line("");
            var b = a.breakEven();
            out.line(String.format(Locale.ROOT, "Buying instead: a %s workstation against %s a month in the cloud: %s", money(b.buyPrice()),
                    money(b.cloudMonthly()), b.verdict()));
        }
        if (!a.notes().isEmpty()) {
            out.line("");
            a.notes().forEach(n -> out.line("note: " + n));
        }
        out.line("");
        out.line("Prices: " + a.prices().get("catalog") + "; EC2 " + a.prices().get("ec2"));
    }

    private static String egress(EgressCost c) {
        if (!c.known()) return Sizes.format(c.bytes()) + ": price unknown for " + c.region();
        if (c.tiers().isEmpty()) return Sizes.format(c.bytes()) + " costs " + money(c.total()) + " (within the free allowance a month, if the rest of the account leaves it unused)";
        return Sizes.format(c.bytes()) + " costs " + money(c.total()) + String.format(Locale.ROOT, " (%s GB free, then %s)", num(c.freeGb()),
                String.join(", ", c.tiers().stream().map(t -> String.format(Locale.ROOT, "%s GB at $%.3f", num(t.gb()), t.perGb())).toList()));
    }

    static void profile(Output out, Profile p) {
        Table t = new Table().fixed("MEASURED").left("VALUE");
        t.row("command", p.command());
        t.row("exit code", p.exitCode() + (p.timedOut() ? " (stopped at the time limit)" : ""));
        t.row("wall time", seconds(p.wallSeconds()) + (p.idleWallSeconds() != null && p.idleWallSeconds() < p.wallSeconds() * 0.8
                ? " (about " + seconds(p.idleWallSeconds()) + " without waiting for a busy CPU)" : ""));
        t.row("CPU time", seconds(p.cpuSeconds()));
        t.row("cores used", String.format(Locale.ROOT, "%.2f (CPU/wall; this machine has %d)", p.cores(), p.host().cores()));
        if (p.coresWanted() != null) t.row("cores wanted", String.format(Locale.ROOT, "%.2f (time on a CPU + waiting for one, / wall)", p.coresWanted()));
        var m = p.memory();
        t.row("peak memory", Sizes.format(p.peakMemoryBytes()) + " (the larger of the two below)");
        t.row("  whole tree", Sizes.format(m.sampledTreePeakBytes()) + String.format(Locale.ROOT, " (sampled every %d ms, %d processes seen)",
                m.intervalMs(), m.processesSeen()));
        t.row("  one process", Sizes.format(m.largestProcessHwmBytes()) + " (the largest process's own peak, VmHWM)");
        t.row("read", Sizes.format(p.io().readBytes()) + " (from disk: " + Sizes.format(p.io().diskReadBytes()) + ")");
        t.row("written", Sizes.format(p.io().writtenBytes()) + " (to disk: " + Sizes.format(p.io().diskWrittenBytes()) + ")");
        t.row("GPU", p.gpu() == null ? "not measured (no nvidia-smi on the PATH)"
                : p.gpu().devices() + " device(s), peak memory " + Sizes.format(p.gpu().peakMemoryBytes()) + ", peak utilisation "
                + num(p.gpu().peakUtilizationPercent()) + "%");
        if (p.scaled() != null) {
            var s = p.scaled();
            t.row("scaled x" + num(p.scale()), "memory " + Sizes.format(s.peakMemoryBytes()) + ", wall " + seconds(s.wallSeconds())
                    + ", CPU " + seconds(s.cpuSeconds()) + ", read " + Sizes.format(s.readBytes()) + ", written " + Sizes.format(s.writtenBytes()));
            t.row("assumption", s.assumption());
        }
        out.table(t);
        p.notes().forEach(n -> out.line("note: " + n));
    }

    static String seconds(double s) {
        if (s < 120) return String.format(Locale.ROOT, "%.2f s", s);
        if (s < 7200) return String.format(Locale.ROOT, "%.1f min", s / 60);
        return String.format(Locale.ROOT, "%.2f h", s / 3600);
    }

    static String money(Double d) {
        return d == null ? "unknown" : String.format(Locale.ROOT, "$%,.2f", d);
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
