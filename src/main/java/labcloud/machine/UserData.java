package labcloud.machine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The cloud-init script a machine boots with: idle agent, Miniforge, JupyterLab on 127.0.0.1:8888. */
public final class UserData {
    /** EC2 refuses user data over 16 KiB (before base64). */
    public static final int MAX_BYTES = 16 * 1024;

    private UserData() {}

    public static String script(String machine, int idleStopMinutes) {
        MachineTags.checkName(machine);
        if (idleStopMinutes < 1) throw new IllegalArgumentException("idle-stop minutes must be positive");
        String agent = resource("machine/idle-agent.py").stripTrailing();
        String s = resource("machine/user-data.sh")
                .replace("@MACHINE@", machine)
                .replace("@IDLE_MINUTES@", Integer.toString(idleStopMinutes))
                .replace("@AGENT@", agent);
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) throw new IllegalStateException("user data over 16 KiB");
        return s;
    }

    public static String base64(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
    }

    /** The idle agent alone (tests run it; the README shows where it lives on the machine). */
    public static String agent() {
        return resource("machine/idle-agent.py");
    }

    private static String resource(String name) {
        try (InputStream in = UserData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name + " unreadable", e);
        }
    }
}
