package labcloud.cli;

import labcloud.transfer.DataMover;
import labcloud.transfer.TransferUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cp", description = "Copy a file or object, or a tree with --recursive, between local paths, s3://bucket/prefix and REMOTE:bucket/prefix.")
public final class CpCommand extends TransferCommand {
    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "DEST")
    String dest;

    @Option(names = {"-r", "--recursive"}, description = "copy every file below SOURCE")
    boolean recursive;

    @Override
    protected int run() {
        TransferUrl src = TransferUrl.parse(source), dst = TransferUrl.parse(dest);
        DataMover m = mover();
        return execute("cp", m, m.copy(src, dst, recursive, filters()));
    }
}
