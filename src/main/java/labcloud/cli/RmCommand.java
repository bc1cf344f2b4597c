package labcloud.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.cli.output.Table;
import labcloud.core.AuditLog;
import labcloud.core.ExitCode;
import labcloud.core.Sizes;
import labcloud.transfer.Filters;
import labcloud.transfer.Locations;
import labcloud.transfer.Remover;
import labcloud.transfer.TransferUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rm", description = "Delete an object, or every object below a prefix with --recursive. A dry run unless --apply.")
public final class RmCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "URL")
    String url;

    @Option(names = {"-r", "--recursive"}, description = "every object below the prefix")
    boolean recursive;

    @Option(names = "--apply", description = "really delete (default: show what would be deleted)")
    boolean apply;

    @Option(names = "--include", paramLabel = "GLOB", description = "only keys matching GLOB (repeatable)")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "leave out keys matching GLOB (repeatable)")
    List<String> exclude = new ArrayList<>();

    @Mixin
    StoreOptions store;

    @Override
    protected int run() {
        Locations locations = store.open(root());
        Filters f = Filters.none();
        exclude.forEach(f::exclude);
        include.forEach(f::include);
        Remover.Result r = new Remover(locations).remove(TransferUrl.parse(url), recursive, f, apply);
        if (apply && !r.keys().isEmpty()) {
            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("url", url);
            audit.put("deleted", r.keys().size() - r.failures().size());
            audit.put("bytes", r.bytes());
            new AuditLog(env()).record("transfer.rm", audit);
        }
        Table t = new Table().fixed("ACTION").left("KEY");
        r.keys().forEach(k -> t.row(apply ? "deleted" : "would delete", k));
        t.total("total", r.keys().size() + " object(s), " + Sizes.format(r.bytes()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url);
        json.put("applied", apply);
        json.put("keys", r.keys());
        json.put("bytes", r.bytes());
        json.put("failures", r.failures());
        out().result(json, t);
        if (!apply && !r.keys().isEmpty()) out().info("dry run: nothing deleted; add --apply to delete");
        r.failures().forEach(x -> out().warn("failed: " + x.key() + ": " + x.error()));
        return r.failures().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }
}
