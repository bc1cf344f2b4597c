package labcloud.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import labcloud.advise.profile.Profile;
import labcloud.advise.profile.ProfileFile;
import labcloud.advise.profile.Profiler;
import labcloud.core.Redactor;

/** {@code labcloud profile}: run a command, measure it, save the profile when asked. */
public final class ProfileRun {
    private ProfileRun() {}

    /** @param save a file to write the profile to (atomically), or null */
    public static Profile run(List<String> command, double scale, Duration interval, Duration timeout, Path save)
            throws IOException, InterruptedException {
        String shown = Redactor.all(String.join(" ", command));
        Profile p = new Profiler(interval, timeout).run(command, shown, scale);
        if (save != null) ProfileFile.write(save, p);
        return p;
    }
}
