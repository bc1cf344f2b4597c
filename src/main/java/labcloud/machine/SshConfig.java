package labcloud.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.SecureFiles;

/**
 * ~/.ssh/config with one managed block per machine. Everything outside the blocks is kept byte for
 * byte; the file is replaced atomically. New blocks go at the end: a Host line there cannot capture
 * the user's global options, which a block at the top would.
 */
public final class SshConfig {
    private static final String BEGIN = "# >>> labcloud machine ";
    private static final String END = "# <<< labcloud machine ";

    private final Path file;

    public SshConfig(Path file) {
        this.file = file;
    }

    public static SshConfig of(labcloud.core.Environment env) {
        return new SshConfig(env.home().resolve(".ssh").resolve("config"));
    }

    public Path file() {
        return file;
    }

    /** The host alias VS Code Remote-SSH and ssh know the machine by. */
    public static String hostAlias(String machine) {
        return "labcloud-" + machine;
    }

    /** The block's text: host, user, key and the Jupyter tunnel. */
    public static String block(String machine, String hostName, Path identityFile) {
        StringBuilder b = new StringBuilder();
        b.append(BEGIN).append(machine).append(" (managed by labcloud: edits here are replaced)\n");
        b.append("Host ").append(hostAlias(machine)).append('\n');
        b.append("    HostName ").append(hostName).append('\n');
        b.append("    User ec2-user\n");
        b.append("    IdentityFile \"").append(identityFile.toAbsolutePath()).append("\"\n");
        b.append("    IdentitiesOnly yes\n");
        b.append("    LocalForward 8888 127.0.0.1:8888\n");
        b.append("    ServerAliveInterval 60\n");
        b.append(END).append(machine).append('\n');
        return b.toString();
    }

    /** Adds or replaces the machine's block. */
    public void put(String machine, String hostName, Path identityFile) {
        if (hostName == null || !hostName.matches("[A-Za-z0-9.:-]+")) {
            throw new LabcloudException(ExitCode.FAILED, "machine " + machine + " has no usable address yet ('" + hostName + "')");
        }
        String text = read();
        String block = block(machine, hostName, identityFile);
        int[] span = span(text, machine);
        String updated;
        if (span != null) {
            updated = text.substring(0, span[0]) + block + text.substring(span[1]);
        } else {
            // no blank line of ours: the marker comments delimit the block, so removing it restores the file exactly
            String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            updated = text + sep + block;
        }
        write(updated);
    }

    /** Removes the machine's block; true when there was one. */
    public boolean remove(String machine) {
        String text = read();
        int[] span = span(text, machine);
        if (span == null) return false;
        int start = span[0];
        write(text.substring(0, start) + text.substring(span[1]));
        return true;
    }

    /** The IdentityFile of the machine's block, if it has one. */
    public java.util.Optional<Path> identityFile(String machine) {
        String text = read();
        int[] span = span(text, machine);
        if (span == null) return java.util.Optional.empty();
        for (String line : text.substring(span[0], span[1]).split("\n")) {
            String l = line.strip();
            if (l.startsWith("IdentityFile ")) return java.util.Optional.of(Path.of(l.substring(13).strip().replace("\"", "")));
        }
        return java.util.Optional.empty();
    }

    public boolean has(String machine) {
        return span(read(), machine) != null;
    }

    /** Start (at the begin marker's line) and end (after the end marker's newline) of the block. */
    private static int[] span(String text, String machine) {
        String begin = BEGIN + machine + " ";
        int at = text.startsWith(begin) ? 0 : text.indexOf("\n" + begin);
        if (at < 0) return null;
        int start = at == 0 && text.startsWith(begin) ? 0 : at + 1;
        String endLine = END + machine + "\n";
        int end = text.indexOf(endLine, start);
        if (end < 0) {
            String last = END + machine;
            if (text.endsWith(last)) return new int[] {start, text.length()};
            throw new LabcloudException(ExitCode.USAGE, "~/.ssh/config: the labcloud block of '" + machine
                    + "' has no end line (" + endLine.strip() + "); fix the file by hand");
        }
        return new int[] {start, end + endLine.length()};
    }

    private String read() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            }
            SecureFiles.writeAtomically(file, text);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
