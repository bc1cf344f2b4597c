package labcloud.cli;

import java.nio.file.Path;
import java.util.Locale;
import labcloud.cli.output.Format;

/**
 * Reads a {@code labcloud scan} command line without picocli, for the pre-commit hook and other
 * short scans: picocli builds its model of the command by reflection, with a proxy class made for
 * each kind of annotation, and that was 0.12-0.16 s of a 0.3 s {@code scan --staged}.
 *
 * <p>Only plain lines are read here: scan's own options and the global flags, each at most once.
 * Anything else (help, a subcommand, an {@code @file}, clustered or unknown options, a value that
 * does not convert, --profile and the other valued globals) returns null and goes to picocli, so
 * every error message still comes from one parser. A test checks both give the same fields.
 */
final class ScanLine {
    private ScanLine() {}

    /** The command, with {@code globals} set, or null when picocli must read the line. */
    static ScanCommand parse(String[] args, GlobalOptions globals) {
        if (args.length == 0 || !args[0].equals("scan")) return null;
        ScanCommand scan = new ScanCommand();
        GlobalOptions seen = new GlobalOptions();
        java.util.Set<String> given = new java.util.HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String name = a, value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!a.startsWith("-")) {
                if (a.startsWith("@") || a.equals("install-hook") || scan.path != null) return null;
                scan.path = path(a);
                if (scan.path == null) return null;
                continue;
            }
            if (!given.add(canonical(name))) return null; // a repeated option: picocli says what it thinks
            boolean takesValue = switch (name) {
                case "--format", "--baseline", "--ignore-file", "--max-file-size", "--output" -> true;
                default -> false;
            };
            if (takesValue && value == null) {
                if (i + 1 >= args.length) return null;
                value = args[++i];
            }
            if (takesValue && (value.isEmpty() || value.startsWith("-") || value.startsWith("@"))) return null;
            if (!takesValue && value != null) return null;
            switch (name) {
                case "--staged" -> scan.source.staged = true;
                case "--history" -> scan.source.history = true;
                case "--all-files" -> scan.allFiles = true;
                case "--verify" -> scan.verify = true;
                case "--format" -> {
                    scan.format = constant(ScanCommand.ReportFormat.class, value);
                    if (scan.format == null) return null;
                }
                case "--baseline" -> {
                    scan.baseline = path(value);
                    if (scan.baseline == null) return null;
                }
                case "--ignore-file" -> {
                    scan.ignoreFile = path(value);
                    if (scan.ignoreFile == null) return null;
                }
                case "--max-file-size" -> scan.maxFileSize = value;
                case "--output" -> {
                    seen.output = constant(Format.class, value);
                    if (seen.output == null) return null;
                }
                case "-q", "--quiet" -> seen.quiet = true;
                case "-v", "--verbose" -> seen.verbose = true;
                case "--no-color" -> seen.noColor = true;
                default -> {
                    return null;
                }
            }
        }
        if (scan.source.staged && scan.source.history) return null; // picocli reports the conflict
        globals.output = seen.output;
        globals.quiet = seen.quiet;
        globals.verbose = seen.verbose;
        globals.noColor = seen.noColor;
        return scan;
    }

    private static String canonical(String option) {
        return switch (option) {
            case "-q" -> "--quiet";
            case "-v" -> "--verbose";
            default -> option;
        };
    }

    private static Path path(String s) {
        try {
            return Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** An enum constant named case-insensitively, as picocli is set to read them; null if none. */
    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) if (e.name().equals(value.toUpperCase(Locale.ROOT))) return e;
        return null;
    }
}
