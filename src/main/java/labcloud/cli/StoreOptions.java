package labcloud.cli;

import labcloud.aws.AwsContext;
import labcloud.transfer.Locations;
import labcloud.transfer.Remotes;
import picocli.CommandLine.Option;

/** The `--compat` flag of the commands that move, browse or clean objects, and the AWS context and locations it shapes. */
final class StoreOptions {
    @Option(names = "--compat", description = "S3-compatible store (S3Proxy, Ceph, MinIO, R2): path-style, checksums only where required")
    boolean compat;

    /** Locations for this run: s3:// through the global options (with --compat), NAME: through the saved remotes. */
    Locations open(Main root) {
        Locations locations = new Locations(aws(root), new Remotes(root.environment()));
        root.closeLater(locations);
        return locations;
    }

    /** The global options' AWS context with --compat applied, closed with the command. */
    AwsContext aws(Main root) {
        AwsContext aws = new AwsContext(root.globals().awsSettings().withCompat(compat), root.environment());
        root.closeLater(aws);
        return aws;
    }
}
