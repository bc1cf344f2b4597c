package labcloud.cli;

import java.util.List;
import java.util.Map;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.Sizes;
import labcloud.transfer.Browser;
import labcloud.transfer.Locations;
import labcloud.transfer.TransferUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ls", description = "List buckets, or the objects and prefixes at s3://bucket/prefix, REMOTE:bucket/prefix or a local directory.")
public final class LsCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "default: the buckets of s3://")
    String url;

    @Option(names = {"-r", "--recursive"}, description = "every object below the prefix, not one level")
    boolean recursive;

    @Mixin
    StoreOptions store;

    @Override
    protected int run() {
        Locations locations = store.open(root());
        Browser browser = new Browser(locations);
        List<Browser.Item> items;
        if (url == null || url.equals("s3://")) items = browser.buckets(TransferUrl.parse("s3://bucket"));
        else if (url.matches("[A-Za-z0-9_-]+:")) items = browser.buckets(TransferUrl.parse(url + "bucket"));
        else items = browser.list(TransferUrl.parse(url), recursive);
        Table t = new Table().fixed("TYPE").right("SIZE").left("MODIFIED").left("CLASS").left("NAME");
        long total = 0;
        for (Browser.Item i : items) {
            t.row(i.kind(), i.kind().equals("object") || i.kind().equals("file") ? Sizes.format(i.size()) : "",
                    i.modified() == null ? "" : i.modified().toString(), i.storageClass(), i.name());
            total += i.size();
        }
        if (items.size() > 1) t.total("total", Sizes.format(total), "", "", items.size() + " entries");
        out().result(Map.of("items", items), t);
        return ExitCode.OK;
    }
}
