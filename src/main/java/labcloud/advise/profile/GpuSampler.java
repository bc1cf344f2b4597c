package labcloud.advise.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * GPU memory and utilisation while a job runs, through {@code nvidia-smi} (skipped when it is not
 * on the PATH). Memory counts the job's own processes (compute apps by pid); utilisation is the
 * busiest device's, which may include other users' work on a shared GPU.
 */
final class GpuSampler {
    private final String nvidiaSmi;
    private long peakMemory;
    private double peakUtil;
    private int devices;

    private GpuSampler(String nvidiaSmi) {
        this.nvidiaSmi = nvidiaSmi;
    }

    /** A sampler, or null when there is no nvidia-smi on the PATH. */
    static GpuSampler find(String path) {
        if (path == null) return null;
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "nvidia-smi");
            if (Files.isExecutable(p)) return new GpuSampler(p.toString());
        }
        return null;
    }

    void sample(Set<Long> pids) {
        List<String> util = run("--query-gpu=utilization.gpu,memory.used", "--format=csv,noheader,nounits");
        if (util == null) return;
        devices = Math.max(devices, util.size());
        for (String line : util) {
            Double u = firstNumber(line);
            if (u != null) peakUtil = Math.max(peakUtil, u);
        }
        List<String> apps = run("--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits");
        if (apps != null) peakMemory = Math.max(peakMemory, appMemory(apps, pids));
    }

    /** Sum of used_memory (MiB) of the compute apps whose pid is one of the job's. */
    static long appMemory(List<String> lines, Set<Long> pids) {
        long total = 0;
        for (String l : lines) {
            String[] f = l.split(",");
            if (f.length < 2) continue;
            try {
                if (pids.contains(Long.parseLong(f[0].trim()))) total += Long.parseLong(f[1].trim()) << 20;
            } catch (NumberFormatException ignored) {
                // "[N/A]" on some drivers
            }
        }
        return total;
    }

    static Double firstNumber(String csvLine) {
        try {
            return Double.parseDouble(csvLine.split(",")[0].trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Profile.Gpu result() {
        return new Profile.Gpu(devices, peakMemory, peakUtil, "nvidia-smi, sampled about once a second");
    }

    private List<String> run(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(nvidiaSmi));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readNBytes(1 << 16);
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
