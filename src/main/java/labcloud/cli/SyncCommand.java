package labcloud.cli;

import labcloud.core.UsageException;
import labcloud.transfer.CompareMode;
import labcloud.transfer.DataMover;
import labcloud.transfer.TransferUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sync", description = "Make DEST hold the same files as SOURCE, copying only what is new or changed.")
public final class SyncCommand extends TransferCommand {
    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "DEST")
    String dest;

    @Option(names = "--delete", description = "delete files at DEST that are not in SOURCE (after --include/--exclude)")
    boolean delete;

    @Option(names = "--size-only", description = "treat files of equal size as unchanged")
    boolean sizeOnly;

    @Option(names = "--mtime", description = "treat files of equal size as unchanged unless the source is newer")
    boolean mtime;

    @Option(names = "--rehash", description = "read every local file to compare it, even when its checksums are remembered"
            + " from an earlier read and it has not changed since")
    boolean rehash;

    @Override
    protected int run() {
        rehash(rehash);
        if (sizeOnly && mtime) throw new UsageException("--size-only and --mtime exclude each other");
        CompareMode mode = sizeOnly ? CompareMode.SIZE_ONLY : mtime ? CompareMode.MTIME : CompareMode.CHECKSUM;
        TransferUrl src = TransferUrl.parse(source), dst = TransferUrl.parse(dest);
        DataMover m = mover();
        return execute("sync", m, m.sync(src, dst, filters(), mode, delete));
    }
}
