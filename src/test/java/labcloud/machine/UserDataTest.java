package labcloud.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cloud-init script: valid bash, clean under shellcheck, and the agent inside it valid Python. */
class UserDataTest {
    @TempDir
    Path dir;

    private static String run(Path workDir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }

    @Test
    void scriptPassesBashAndShellcheck() throws Exception {
        String s = UserData.script("lab1", 45);
        Path f = dir.resolve("user-data.sh");
        Files.writeString(f, s);
        run(dir, "bash", "-n", f.toString());
        run(dir, "shellcheck", "--shell=bash", "--severity=style", f.toString());
        assertThat(s).startsWith("#!/bin/bash\n").contains("IDLE_MINUTES=45", "--ip=127.0.0.1 --port=8888",
                "Miniforge3-Linux-${arch}.sh", "systemctl enable --now labcloud-idle.timer", "OnUnitActiveSec=5min");
        assertThat(s).doesNotContain("@AGENT@", "@MACHINE@", "@IDLE_MINUTES@", "0.0.0.0");
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThan(UserData.MAX_BYTES);
        // the agent is installed exactly as shipped
        assertThat(s).contains(UserData.agent().stripTrailing());
    }

    @Test
    void agentCompilesWithPython() throws Exception {
        Path f = dir.resolve("agent.py");
        Files.writeString(f, UserData.agent());
        run(dir, "python3", "-m", "py_compile", f.toString());
    }
}
