package labcloud.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.advise.Advice;
import labcloud.advise.profile.Profile;
import labcloud.app.AdviceService;
import labcloud.app.ProfileRun;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "profile", sortOptions = false,
        description = {"Run a command on this machine and measure what it needs: wall and CPU time, cores used, peak memory of the "
                + "whole process tree, bytes read and written, GPU memory and utilisation (with nvidia-smi).",
                "Exit code: 0 when the command succeeded; 3 when it failed or hit --timeout (the measurement is still printed and saved, "
                        + "with the command's own exit code); 2 when it cannot be started."})
public final class ProfileCommand extends BaseCommand {
    @Option(names = "--scale", paramLabel = "N", description = "also show the figures for N times the data (memory, time and I/O scaled linearly)")
    double scale = 1;
    @Option(names = "--save", paramLabel = "FILE", description = "write the profile as JSON, for `labcloud advise --from-profile FILE`")
    Path save;
    @Option(names = "--advise", description = "go straight on to `labcloud advise` with this profile")
    boolean advise;
    @Option(names = "--interval", paramLabel = "MS", description = "memory sampling interval in milliseconds (default 50)")
    int intervalMs = 50;
    @Option(names = "--timeout", paramLabel = "DURATION", description = "stop the command after this long, e.g. 2h (default: none)")
    String timeout;
    @Parameters(arity = "1..*", paramLabel = "CMD", description = "the command and its arguments, after --")
    List<String> command;

    @Override
    protected int run() throws Exception {
        if (!(scale > 0) || scale > 1e6) throw new UsageException("--scale: expected a number above 0, got " + scale);
        if (intervalMs < 5 || intervalMs > 60_000) throw new UsageException("--interval: expected 5 to 60000 ms, got " + intervalMs);
        Duration limit = timeout == null ? null : labcloud.core.Durations.parse("--timeout", timeout);
        Profile p = ProfileRun.run(command, scale, Duration.ofMillis(intervalMs), limit, save);
        if (out().format() == labcloud.cli.output.Format.JSON && !advise) {
            out().json(p);
        } else if (out().format() == labcloud.cli.output.Format.JSON) {
            Map<String, Object> both = new LinkedHashMap<>();
            both.put("profile", p);
            both.put("advice", advice(p));
            out().json(both);
        } else {
            AdviceText.profile(out(), p);
            if (advise) {
                out().line("");
                AdviceText.advice(out(), advice(p));
            }
        }
        if (save != null) out().info("saved the profile to " + save + " (labcloud advise --from-profile " + save + ")");
        return p.exitCode() == 0 && !p.timedOut() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private Advice advice(Profile p) {
        return AdviceService.load(env(), null).advise(account().region(), AdviceService.withProfile(p, Map.of()));
    }
}
