package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** labcloud profile on real commands (python3 children): memory of the tree, cores, CPU of children, exit codes. */
class ProfileCommandTest {
    private static final long MIB = 1L << 20;
    /** Allocates N MiB and writes to every page (so that it is resident), then holds it for a second. */
    private static final String HOLD = "import sys, time\nb = bytearray(int(sys.argv[1]) * 1024 * 1024)\n"
            + "for i in range(0, len(b), 4096): b[i] = 1\ntime.sleep(1)\n";
    /** Burns S seconds of its own CPU time. */
    private static final String SPIN = "import sys, time\nwhile time.process_time() < float(sys.argv[1]): pass\n";

    @TempDir
    Path home;

    private CliResult run(String... args) {
        return CliResult.run(Environment.of(Map.of("HOME", home.toString(), "AWS_REGION", "us-east-1")), args);
    }

    private JsonNode profile(String... command) throws Exception {
        String[] args = new String[command.length + 4];
        args[0] = "profile";
        args[1] = "--output";
        args[2] = "json";
        args[3] = "--";
        System.arraycopy(command, 0, args, 4, command.length);
        CliResult r = run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return Json.MAPPER.readTree(r.stdout());
    }

    @Test
    void aProgramHolding500MiBPeaksNear500MiB() throws Exception {
        JsonNode p = profile("python3", "-c", HOLD, "500");
        long peak = p.path("peakMemoryBytes").asLong();
        assertThat(peak).as("peak").isBetween(500 * MIB, 560 * MIB); // 500 MiB plus the interpreter (~10 MiB)
        assertThat(p.path("memory").path("sampledTreePeakBytes").asLong()).isBetween(490 * MIB, 560 * MIB);
        assertThat(p.path("exitCode").asInt()).isZero();
        assertThat(p.path("wallSeconds").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void twoBusyProcessesShowAboutTwoCoresAndOneShowsAboutOne() throws Exception {
        double loadBefore = loadAverage();
        JsonNode one = profile("python3", "-c", SPIN, "2");
        JsonNode two = profile("sh", "-c", "python3 -c \"$0\" 2 & python3 -c \"$0\" 2 & wait", SPIN);
        assertThat(one.path("cpuSeconds").asDouble()).isBetween(1.95, 2.6);
        assertThat(two.path("cpuSeconds").asDouble()).as("CPU of both children, from the kernel").isBetween(3.9, 5.0);
        assertThat(one.path("cores").asDouble()).isLessThanOrEqualTo(1.05);
        assertThat(two.path("cores").asDouble()).isCloseTo(two.path("cpuSeconds").asDouble() / two.path("wallSeconds").asDouble(),
                org.assertj.core.api.Assertions.within(0.01));
        // "About two" needs two cores the scheduler gives to the job: checked when the machine had them
        // idle; on a host busy with other work the CPU totals above are what can be checked.
        // Time on a CPU plus time waiting for one: what two busy processes want, whatever else the host runs.
        assertThat(two.path("coresWanted").asDouble()).as(two.toString()).isBetween(1.6, 2.2);
        assertThat(one.path("coresWanted").asDouble()).as(one.toString()).isBetween(0.8, 1.15);
        if (loadBefore < 0.5) {
            assertThat(two.path("cores").asDouble()).as(two.toString()).isBetween(1.6, 2.1);
            assertThat(one.path("cores").asDouble()).isBetween(0.8, 1.05);
        } else {
            System.err.println("ProfileCommandTest: load average " + loadBefore + " on this host: the absolute 'about two cores' check "
                    + "was NOT made (measured " + two.path("cores").asDouble() + " cores for two busy processes, "
                    + one.path("cores").asDouble() + " for one)");
        }
    }

    private static double loadAverage() throws Exception {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    @Test
    void aChildProcessCountsForMemoryAndCpu() throws Exception {
        // The parent stays small; its child allocates 400 MiB and exits; a second short child burns CPU.
        String parent = "import subprocess, sys\nsubprocess.run([sys.executable, '-c', sys.argv[1], '400'])\n"
                + "subprocess.run([sys.executable, '-c', sys.argv[2], '0.6'])\n";
        JsonNode p = profile("python3", "-c", parent, HOLD, SPIN);
        assertThat(p.path("peakMemoryBytes").asLong()).isBetween(400 * MIB, 480 * MIB);
        assertThat(p.path("memory").path("processesSeen").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(p.path("cpuSeconds").asDouble()).as("children's CPU is in the kernel's totals").isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void theCommandsExitCodeIsReportedAndProfileExitsThree() throws Exception {
        CliResult r = run("profile", "--output", "json", "--", "sh", "-c", "exit 7");
        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode p = Json.MAPPER.readTree(r.stdout());
        assertThat(p.path("exitCode").asInt()).isEqualTo(7);
        assertThat(p.path("notes").toString()).contains("the command failed (exit 7)");
        CliResult missing = run("profile", "--", "no-such-command-labcloud");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("command not found on the PATH: no-such-command-labcloud");
        Path script = home.resolve("job.sh");
        Files.writeString(script, "#!/bin/sh\nsleep 30\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        CliResult slow = run("profile", "--timeout", "1s", "--output", "json", "--", script.toString());
        assertThat(slow.exitCode()).isEqualTo(3);
        JsonNode s = Json.MAPPER.readTree(slow.stdout());
        assertThat(s.path("timedOut").asBoolean()).isTrue();
        assertThat(s.path("wallSeconds").asDouble()).isLessThan(15);
        assertThat(run("profile", "--scale", "0", "--", "true").exitCode()).isEqualTo(2);
    }

    @Test
    void scaledProfileSavedAndReadByAdvise() throws Exception {
        Path file = home.resolve("train.json");
        CliResult r = run("profile", "--scale", "10", "--save", file.toString(), "--", "python3", "-c", HOLD, "200");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("scaled x10", "assumption", "linear: 10 times the data");
        JsonNode p = Json.MAPPER.readTree(Files.readString(file));
        long peak = p.path("peakMemoryBytes").asLong();
        assertThat(p.path("scaled").path("peakMemoryBytes").asLong()).isEqualTo(peak * 10);
        assertThat(p.path("scaled").path("wallSeconds").asDouble()).isCloseTo(p.path("wallSeconds").asDouble() * 10,
                org.assertj.core.api.Assertions.within(0.05));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        CliResult a = run("advise", "--from-profile", file.toString(), "--output", "json");
        assertThat(a.exitCode()).as(a.toString()).isZero();
        JsonNode facts = Json.MAPPER.readTree(a.stdout()).path("facts");
        double ramGib = Math.ceil(peak * 10 * 1.25 / (1L << 30));
        assertThat(facts.path("ram").asDouble()).isEqualTo(ramGib * (1L << 30));
        assertThat(facts.path("cores").asDouble()).isEqualTo(1.0);
        // A flag given with the profile wins over it.
        JsonNode over = Json.MAPPER.readTree(run("advise", "--from-profile", file.toString(), "--ram", "100GiB", "--output", "json").stdout());
        assertThat(over.path("facts").path("ram").asDouble()).isEqualTo(100.0 * (1L << 30));

        CliResult both = run("profile", "--advise", "--", "python3", "-c", HOLD, "50");
        assertThat(both.exitCode()).isZero();
        assertThat(both.stdout()).contains("peak memory", "Where to run it", "-> Your laptop");
    }
}
