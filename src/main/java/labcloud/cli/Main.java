package labcloud.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import labcloud.cli.convert.BadValue;
import labcloud.cli.output.Output;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.RedactingPrintStream;
import labcloud.core.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** The labcloud command line: global options, the command list, and error-to-exit-code mapping. */
@Command(name = "labcloud",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // -h/--help (and -V/--version) on every subcommand
        versionProvider = VersionProvider.class,
        description = "Use AWS safely and cheaply in a research lab.")
public final class Main implements Runnable {
    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            DemoCommand.class,
            DashboardCommand.class,
            CredsCommand.class,
            TrailCommand.class,
            IamPolicyCommand.class,
            AuditCommand.class,
            TagCommand.class,
            MachineCommand.class,
            ScanCommand.class,
            InventoryCommand.class,
            PriceCommand.class,
            AdviseCommand.class,
            ProfileCommand.class,
            CostCommand.class,
            BudgetCommand.class,
            CpCommand.class,
            SyncCommand.class,
            LsCommand.class,
            DuCommand.class,
            RmCommand.class,
            RemoteCommand.class,
            CleanupCommand.class,
            InstallCommand.class);
    /** Global options that take a value, so that the value is not taken for a command name. */
    private static final Set<String> VALUED_GLOBALS = Set.of("--profile", "--region", "--endpoint-url", "--output");

    @Mixin
    GlobalOptions globals = new GlobalOptions();

    private Environment environment;
    private Output output;
    private PrintStream out;
    private PrintStream err;
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();

    public static void main(String[] args) {
        configureLogging(args);
        // Everything the process prints passes the redactor: our output, library logs, stack traces.
        PrintStream out = new RedactingPrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), Redactor::secrets);
        PrintStream err = new RedactingPrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), Redactor::all);
        System.setOut(out);
        System.setErr(err);
        int code = execute(Environment.system(), out, err, args);
        out.flush();
        err.flush();
        if (code <= ExitCode.FINDINGS) AotTraining.loadFamilyClasses(); // only on the launcher's training runs
        System.exit(code);
    }

    /** Runs one command line in-process (used by main and by tests) and returns the exit code. */
    public static int execute(Environment env, PrintStream out, PrintStream err, String... args) {
        registerEnvironmentSecrets(env);
        Main main = new Main();
        main.environment = env;
        main.out = out instanceof RedactingPrintStream ? out : new RedactingPrintStream(out, Redactor::secrets);
        main.err = err instanceof RedactingPrintStream ? err : new RedactingPrintStream(err, Redactor::all);
        if (asksOnlyForTheVersion(args)) {
            // Building picocli's model of the global options by reflection was two thirds of --version's run.
            for (String line : new VersionProvider().getVersion()) main.out.println(line);
            main.out.flush();
            return ExitCode.OK;
        }
        ScanCommand scan = ScanLine.parse(args, main.globals);
        if (scan != null) return main.runWithoutPicocli(scan);
        CommandLine cmd = commandLine(main, invoked(args));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(new java.io.PrintWriter(main.out, true));
        cmd.setErr(new java.io.PrintWriter(main.err, true));
        cmd.setParameterExceptionHandler(main::onBadUsage);
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> main.onFailure(ex));
        try {
            return cmd.execute(args);
        } finally {
            main.closeAll();
            main.out.flush();
            main.err.flush();
        }
    }

    /** A command {@link ScanLine} has read: run, failures mapped and resources closed as picocli's execute does. */
    private int runWithoutPicocli(BaseCommand command) {
        try {
            return command.runFor(this);
        } catch (Exception ex) {
            return onFailure(ex);
        } finally {
            closeAll();
            out.flush();
            err.flush();
        }
    }

    /**
     * The command line with only the invoked command's model when it is known: picocli builds a
     * command's model by reflection, and building all of them cost about 0.2 s of every start.
     */
    static CommandLine commandLine(Main main, Class<?> invoked) {
        CommandLine cmd = new CommandLine(main);
        for (Class<?> c : invoked == null ? COMMANDS : List.of(invoked)) cmd.addSubcommand(c);
        return cmd;
    }

    /** Every command's model (for completion scripts and man pages). */
    static CommandLine fullCommandLine() {
        return commandLine(new Main(), null);
    }

    /** {@code labcloud --version} (or -V) and no command: it needs no model at all, not even the global options'. */
    static boolean asksOnlyForTheVersion(String[] args) {
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--version") || a.equals("-V")) version = true;
            else if (VALUED_GLOBALS.contains(a)) i++;
            else if (!a.startsWith("-") || a.equals("-h") || a.equals("--help")) return false;
        }
        return version;
    }

    /** The command the arguments name, or null (help, a typo, or no command: then all are built). */
    static Class<?> invoked(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (VALUED_GLOBALS.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                Class<?> named = byClassName(a);
                if (named != null) return named;
                for (Class<?> c : COMMANDS) {
                    Command spec = c.getAnnotation(Command.class);
                    if (spec.name().equals(a) || List.of(spec.aliases()).contains(a)) return c;
                }
                return null;
            }
        }
        return null;
    }

    /**
     * The command whose class is named after the word ("iam-policy": IamPolicyCommand), checked
     * against its annotation: one annotation read instead of one for each command listed before it.
     */
    private static Class<?> byClassName(String word) {
        StringBuilder name = new StringBuilder();
        for (String part : word.split("-")) {
            if (part.isEmpty()) return null;
            name.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
        }
        name.append("Command");
        for (Class<?> c : COMMANDS) {
            if (c.getSimpleName().contentEquals(name)) return c.getAnnotation(Command.class).name().equals(word) ? c : null;
        }
        return null;
    }

    private int onBadUsage(CommandLine.ParameterException ex, String[] args) {
        String name = ex.getCommandLine().getCommandSpec().qualifiedName();
        if (ex.getCause() instanceof BadValue bad) {
            // a value an option's converter refused: the parser's own line, naming the option
            err.println("labcloud: " + Redactor.all(oneLine(bad.messageFor(optionName(ex.getArgSpec())))));
            return ExitCode.USAGE;
        }
        // "-5GB" reads as an unknown option to picocli, which then reports a missing parameter.
        if (ex instanceof CommandLine.MissingParameterException || ex instanceof CommandLine.UnmatchedArgumentException) {
            for (String a : args) {
                if (NEGATIVE.matcher(a).matches()) {
                    err.println("labcloud: '" + a + "' is negative: sizes and counts must be 0 or more (see '" + name + " --help')");
                    return ExitCode.USAGE;
                }
            }
        }
        err.println("labcloud: " + Redactor.all(oneLine(ex.getMessage())) + " (see '" + name + " --help')");
        return ExitCode.USAGE;
    }

    private static String optionName(CommandLine.Model.ArgSpec arg) {
        if (arg instanceof CommandLine.Model.OptionSpec o) return o.longestName();
        return arg == null ? "value" : arg.paramLabel();
    }

    private static final java.util.regex.Pattern NEGATIVE = java.util.regex.Pattern.compile("-[0-9][0-9.]*[A-Za-z]*");

    private int onFailure(Exception ex) {
        LabcloudException le = labcloud.app.Failures.classify(ex);
        err.println("labcloud: " + Redactor.all(oneLine(le.getMessage())));
        if (globals.verbose()) ex.printStackTrace(err);
        else if (!(ex instanceof LabcloudException) && le.exitCode() == ExitCode.FAILED) {
            err.println("labcloud: run with --verbose for details");
        }
        return le.exitCode();
    }

    private static String oneLine(String s) {
        if (s == null) return "unexpected error";
        return s.replace("\r", " ").replace("\n", " ").trim();
    }

    /** Secrets in AWS_* variables are masked wherever they might be echoed. */
    private static void registerEnvironmentSecrets(Environment env) {
        env.get("AWS_SECRET_ACCESS_KEY").ifPresent(Redactor::register);
        env.get("AWS_SESSION_TOKEN").ifPresent(Redactor::register);
    }

    /** slf4j-simple reads its level once; set it from --verbose before any logger exists. */
    private static void configureLogging(String[] args) {
        boolean verbose = false;
        for (String a : args) verbose |= a.equals("--verbose") || a.equals("-v");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk", verbose ? "debug" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.http", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        // Javalin logs a failed start (a port in use) before throwing; the dashboard command says it in one line.
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin.Javalin", verbose ? "info" : "off");
        // Migrations from parallel features land in any order (Store uses outOfOrder); Flyway warns about that on every open.
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }

    @Override
    public void run() {
        commandLine(this, null).usage(out);
    }

    GlobalOptions globals() {
        return globals;
    }

    Environment environment() {
        return environment;
    }

    Output output() {
        if (output == null) {
            boolean color = !globals.noColor() && environment.get("NO_COLOR").isEmpty() && System.console() != null;
            output = new Output(globals.output(), out, err, globals.quiet(), color,
                    System.console() != null, terminalWidth());
        }
        return output;
    }

    private int terminalWidth() {
        return environment.get("COLUMNS").map(c -> {
            try {
                return Integer.parseInt(c.trim());
            } catch (NumberFormatException e) {
                return 80;
            }
        }).orElse(80);
    }

    void closeLater(AutoCloseable c) {
        closeables.push(c);
    }

    private void closeAll() {
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }
}
