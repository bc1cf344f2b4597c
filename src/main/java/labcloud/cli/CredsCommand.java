package labcloud.cli;

import picocli.CommandLine.Command;

/** `labcloud creds`: credential files, identity, MFA sessions, key rotation, local hygiene. */
@Command(name = "creds", mixinStandardHelpOptions = true,
        description = "Set up and look after AWS credentials without pasting keys anywhere.",
        subcommands = {
                CredsImportCommand.class,
                CredsWhoamiCommand.class,
                CredsMfaCommand.class,
                CredsRotateCommand.class,
                CredsDoctorCommand.class,
        })
public final class CredsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "choose a subcommand: import, whoami, mfa, rotate or doctor");
    }
}
