package labcloud.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.Redactor;
import labcloud.creds.CredentialImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Write the key from a console accessKeys.csv/credentials.csv into ~/.aws/credentials.")
public final class CredsImportCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE.csv", description = "accessKeys.csv or credentials.csv downloaded from the IAM console")
    Path csv;

    @Option(names = "--user", paramLabel = "NAME", description = "which row to import when the CSV holds several users")
    String user;

    @Option(names = "--force", description = "replace the keys of an existing profile")
    boolean force;

    @Option(names = "--delete-csv", description = "delete the CSV after a successful import")
    boolean deleteCsv;

    @Override
    protected int run() {
        String profile = globals().profile;
        if (profile == null) throw new labcloud.core.UsageException("--profile NAME is required (the profile to write)");
        CredentialImporter.Result r = new CredentialImporter(env()).importCsv(csv, profile, globals().region, user, force);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", r.profile());
        json.put("userName", r.userName());
        json.put("accessKeyId", Redactor.shortKeyId(r.accessKeyId()));
        json.put("credentialsFile", r.credentialsFile().toString());
        json.put("configFile", r.configFile() == null ? null : r.configFile().toString());
        json.put("region", r.region());
        json.put("replaced", r.replaced());
        boolean deleted = deleteCsv || Prompts.confirm("Delete " + csv + " now that the key is in "
                + r.credentialsFile() + "?");
        if (deleted) CredentialImporter.deleteCsv(csv);
        json.put("csvDeleted", deleted);

        Table t = new Table().fixed("PROFILE").fixed("KEY").left("USER").left("REGION").left("FILE");
        t.row(r.profile(), Redactor.shortKeyId(r.accessKeyId()), r.userName() == null ? "" : r.userName(),
                r.region() == null ? "" : r.region(), r.credentialsFile());
        out().result(json, t);
        out().info((r.replaced() ? "Replaced the keys of" : "Added") + " profile '" + r.profile()
                + "'; try: labcloud creds whoami --profile " + r.profile());
        if (!deleted) {
            out().warn(csv + " still holds the secret key: delete it (rm " + csv
                    + ") or re-run with --delete-csv; never commit it");
        }
        return ExitCode.OK;
    }
}
