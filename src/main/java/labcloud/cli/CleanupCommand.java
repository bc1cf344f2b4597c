package labcloud.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.cli.convert.DurationConverter;
import labcloud.cli.output.Table;
import labcloud.core.AuditLog;
import labcloud.core.ExitCode;
import labcloud.core.Fields;
import labcloud.transfer.DataMover;
import labcloud.transfer.Locations;
import labcloud.transfer.MultipartCleanup;
import labcloud.transfer.TransferUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cleanup", description = "Abort multipart uploads that were started and never finished (they are billed but invisible). A dry run unless --apply.")
public final class CleanupCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "s3://bucket[/prefix] or REMOTE:bucket (default: every bucket of s3://)")
    String url;

    @Option(names = "--older-than", paramLabel = "AGE", converter = DurationConverter.class, description = "only uploads started before this long ago (default: 24h)")
    Duration olderThan = Duration.ofHours(24);

    @Option(names = "--apply", description = "really abort them (default: list them)")
    boolean apply;

    @Mixin
    StoreOptions store;

    @Override
    protected int run() {
        Locations locations = store.open(root());
        TransferUrl u = url == null ? new TransferUrl("s3://", null, null, "", "") : TransferUrl.parse(url);
        List<MultipartCleanup.Stale> stale = new MultipartCleanup(locations, DataMover.journalFor(env()))
                .run(u, olderThan, apply);
        Table t = new Table().fixed("STATUS").left("BUCKET").left("KEY").left("STARTED").left("UPLOAD ID");
        long failed = stale.stream().filter(s -> s.error() != null).count();
        for (MultipartCleanup.Stale s : stale) {
            t.row(s.aborted() ? "aborted" : s.error() != null ? "failed" : "stale", s.bucket(), s.key(),
                    String.valueOf(s.initiated()), s.uploadId());
        }
        t.total("total", stale.size() + " upload(s)", "", "", "");
        if (apply && !stale.isEmpty()) {
            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("url", u.text());
            audit.put("aborted", stale.size() - failed);
            new AuditLog(env()).record("transfer.cleanup", audit);
        }
        out().result(Fields.of("uploads", stale, "applied", apply), t);
        if (!apply && !stale.isEmpty()) out().info("dry run: nothing aborted; add --apply to abort them");
        stale.stream().filter(s -> s.error() != null).forEach(s -> out().warn("failed: " + s.key() + ": " + s.error()));
        return failed > 0 ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
