package labcloud.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.cli.convert.DurationConverter;
import labcloud.cli.convert.EndOfDayConverter;
import labcloud.cli.convert.RegionsConverter;
import labcloud.cli.convert.StartOfDayConverter;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import labcloud.trail.TrailEvent;
import labcloud.trail.TrailFilter;
import labcloud.trail.TrailResult;
import labcloud.trail.TrailService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "trail", description = "Who did what: CloudTrail events across all regions (the trail's log files in S3, else LookupEvents).")
public final class TrailCommand extends BaseCommand {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Option(names = "--user", paramLabel = "U", description = "IAM user name or assumed-role session name")
    String user;

    @Option(names = "--resource", paramLabel = "ID", description = "resource id (i-..., vol-..., bucket name, ...)")
    String resource;

    @Option(names = "--event", paramLabel = "NAME", description = "event name, e.g. RunInstances")
    String event;

    /** Where the window starts: --since before the end, or --from; not both. */
    @ArgGroup(exclusive = true)
    Start start = new Start();

    static final class Start {
        @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "how far back: 7d, 12h, 2w (default 7d)")
        Duration since;

        @Option(names = "--from", paramLabel = "DATE", converter = StartOfDayConverter.class,
                description = "start (2026-11-01 or 2026-11-01T08:00:00Z)")
        Instant from;
    }

    @Option(names = "--to", paramLabel = "DATE", converter = EndOfDayConverter.class, description = "end (default now)")
    Instant to;

    @Option(names = "--regions", paramLabel = "all|r1,r2", converter = RegionsConverter.class, description = "regions to search (default all enabled)")
    String regions = "all";

    @Option(names = "--source", paramLabel = "auto|s3|api",
            description = "s3: the trail's log files; api: LookupEvents (90 days, 2 req/s per region); auto (default)")
    TrailService.Source source = TrailService.Source.AUTO;

    @Override
    protected int run() {
        Instant end = to == null ? Instant.now() : to;
        Start s = start == null ? new Start() : start;
        Instant begin = s.from != null ? s.from : end.minus(s.since == null ? Duration.ofDays(7) : s.since);
        if (begin.isAfter(end)) throw new UsageException("--from is after --to");
        TrailFilter filter = new TrailFilter(user, resource, event, begin, end);
        List<String> regionList = account().regions(regions);
        var progress = out().progress("trail");
        progress.update("reading CloudTrail in " + regionList.size() + " regions");
        TrailResult r = account().trail().events(filter, regionList, source);
        progress.done();

        Table t = new Table().fixed("TIME (UTC)").left("USER").left("EVENT").fixed("REGION").left("RESOURCES");
        for (TrailEvent e : r.events()) {
            t.row(TIME.format(e.time()), e.user(), e.event(), e.region(), String.join(" ", e.resources()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", r.source());
        json.put("from", begin);
        json.put("to", end);
        json.put("events", r.events());
        json.put("errors", r.errors());
        out().result(json, t);
        out().info(r.events().size() + " events from " + (r.source().equals("s3")
                ? r.files() + " log files in S3" : r.files() + " LookupEvents pages"));
        r.errors().forEach(e -> out().warn(e.region() + " " + e.service() + ": " + e.message()));
        return r.partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
