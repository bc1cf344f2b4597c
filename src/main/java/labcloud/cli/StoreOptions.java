package labcloud.cli;

import labcloud.app.LabAccount;
import labcloud.transfer.Locations;
import labcloud.transfer.Remotes;
import picocli.CommandLine.Option;

/** The `--compat` flag of the commands that move, browse or clean objects, and the account and locations it shapes. */
final class StoreOptions {
    @Option(names = "--compat", description = "S3-compatible store (S3Proxy, Ceph, MinIO, R2): path-style, checksums only where required")
    boolean compat;

    /** Locations for this run: s3:// through the global options (with --compat), NAME: through the saved remotes. */
    Locations open(Main root) {
        Locations locations = account(root).locations(new Remotes(root.environment()));
        root.closeLater(locations);
        return locations;
    }

    /** The global options' account with --compat applied, closed with the command. */
    LabAccount account(Main root) {
        LabAccount account = root.globals().account(root.environment(), compat);
        root.closeLater(account);
        return account;
    }
}
