package labcloud.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.Fields;
import labcloud.core.Sizes;
import labcloud.transfer.Browser;
import labcloud.transfer.Locations;
import labcloud.transfer.TransferUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "du", description = "Count the objects and bytes below a location, per storage class.")
public final class DuCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "URL")
    String url;

    @Mixin
    StoreOptions store;

    @Override
    protected int run() {
        Locations locations = store.open(root());
        Browser.Usage u = new Browser(locations).usage(TransferUrl.parse(url));
        Table t = new Table().fixed("CLASS").right("OBJECTS").right("SIZE").right("BYTES");
        Map<String, Object> classes = new LinkedHashMap<>();
        u.byStorageClass().forEach((c, v) -> {
            t.row(c, v[0], Sizes.format(v[1]), v[1]);
            classes.put(c, Fields.of("objects", v[0], "bytes", v[1]));
        });
        t.total("total", u.objects(), Sizes.format(u.bytes()), u.bytes());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url);
        json.put("objects", u.objects());
        json.put("bytes", u.bytes());
        json.put("storageClasses", classes);
        out().result(json, t);
        return ExitCode.OK;
    }
}
