package labcloud.cli;

import labcloud.aws.AwsContext;
import labcloud.transfer.Locations;
import labcloud.transfer.Remotes;
import picocli.CommandLine.Option;

/** The `--compat` flag of the commands that browse or clean object stores, and the locations they resolve URLs with. */
final class StoreOptions {
    @Option(names = "--compat", description = "S3-compatible store: path-style, checksums only where required")
    boolean compat;

    /** Locations for this run: s3:// through the global options (with --compat), NAME: through the saved remotes. */
    Locations open(Main root) {
        AwsContext aws = new AwsContext(root.globals().awsSettings().withCompat(compat), root.environment());
        root.closeLater(aws);
        Locations locations = new Locations(aws, new Remotes(root.environment()));
        root.closeLater(locations);
        return locations;
    }
}
