package labcloud.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;

/** The OpenSSH client, run with the managed ~/.ssh/config entry of a machine. */
public final class SshSession {
    private final Path config;
    private final String alias;

    public SshSession(Path config, String machine) {
        this.config = config;
        this.alias = SshConfig.hostAlias(machine);
    }

    /** The Jupyter token, read over SSH from the machine (it is stored nowhere else). */
    public String jupyterToken() {
        List<String> cmd = base();
        cmd.addAll(List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=15", "-o", "StrictHostKeyChecking=accept-new",
                "-o", "ClearAllForwardings=yes", alias, "cat ~/.labcloud/jupyter-token"));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            if (!p.waitFor(45, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new LabcloudException(ExitCode.FAILED, "ssh " + alias + " did not answer within 45 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0 || !out.matches("[0-9a-f]{32,128}")) {
                throw new LabcloudException(ExitCode.FAILED, "could not read the Jupyter token over ssh " + alias
                        + (err.isEmpty() ? "" : ": " + err.lines().reduce((a, b) -> b).orElse(""))
                        + " (the machine may still be installing: its log is /var/log/labcloud-setup.log)");
            }
            return out;
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot run ssh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabcloudException(ExitCode.FAILED, "interrupted", e);
        }
    }

    /** Holds the tunnel (the entry's LocalForward) open in the foreground until ssh ends; its exit code. */
    public int tunnel() {
        List<String> cmd = base();
        cmd.addAll(List.of("-N", "-o", "ExitOnForwardFailure=yes", alias));
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot run ssh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private List<String> base() {
        return new ArrayList<>(List.of("ssh", "-F", config.toString()));
    }
}
