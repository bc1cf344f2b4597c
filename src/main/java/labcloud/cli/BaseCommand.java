package labcloud.cli;

import java.util.concurrent.Callable;
import labcloud.app.LabAccount;
import labcloud.cli.output.Output;
import labcloud.core.Environment;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command: access to the global options, the environment, the output and the
 * {@link LabAccount} the global options name. Subclasses parse, call a use case, render; nothing else.
 */
public abstract class BaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    private LabAccount account;
    /** Set when the command runs without picocli's model (see {@link ScanLine}). */
    private Main parent;

    protected Main root() {
        return parent != null ? parent : (Main) spec.root().userObject();
    }

    /** Runs the command for {@code main} without picocli: the caller has set its options. */
    final int runFor(Main main) throws Exception {
        parent = main;
        return run();
    }

    protected GlobalOptions globals() {
        return root().globals();
    }

    protected Environment env() {
        return root().environment();
    }

    protected Output out() {
        return root().output();
    }

    /** The account of --profile, --region and --endpoint-url; it connects on first use and closes with the command. */
    protected LabAccount account() {
        if (account == null) {
            account = globals().account(env(), false);
            root().closeLater(account);
        }
        return account;
    }

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /** Does the command's work and returns its exit code. */
    protected abstract int run() throws Exception;
}
