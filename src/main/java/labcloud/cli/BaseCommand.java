package labcloud.cli;

import java.util.concurrent.Callable;
import labcloud.aws.AwsContext;
import labcloud.cli.output.Output;
import labcloud.core.Environment;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command: access to the global options, the environment, the output and a lazily
 * created {@link AwsContext}. Subclasses parse, call a capability, render; nothing else.
 */
public abstract class BaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    private AwsContext aws;

    protected Main root() {
        return (Main) spec.root().userObject();
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

    protected AwsContext aws() {
        if (aws == null) {
            aws = new AwsContext(globals().awsSettings(), env());
            root().closeLater(aws);
        }
        return aws;
    }

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /** Does the command's work and returns its exit code. */
    protected abstract int run() throws Exception;
}
