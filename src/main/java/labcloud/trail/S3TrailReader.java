package labcloud.trail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsErrors;
import labcloud.aws.FanOut;
import labcloud.core.RegionError;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/**
 * Reads a trail's log files from S3: {@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz}.
 * Only the day folders inside the time window are listed (year, month and day folders are walked
 * with a delimiter, so old years cost one request, not one per file), files are fetched in
 * parallel and each is filtered record by record as it streams in.
 */
public final class S3TrailReader {
    /** Parallel GETs: log files are small, so latency, not bandwidth, is what to overlap. */
    static final int PARALLEL_FILES = 32;

    private final AwsContext aws;

    public S3TrailReader(AwsContext aws) {
        this.aws = aws;
    }

    /**
     * @param regions the event regions to read (null for every region folder present)
     */
    public TrailResult read(Collection<Trail> trails, TrailFilter filter, Collection<String> regions) {
        List<RegionError> errors = new ArrayList<>();
        // Several trails may deliver to the same place; read each place once.
        Map<String, Trail> places = new LinkedHashMap<>();
        for (Trail t : trails) {
            if (t.bucket() != null && t.account() != null) places.putIfAbsent(t.bucket() + "/" + t.logRoot(), t);
        }
        List<FanOut.Job<List<String>>> listings = new ArrayList<>();
        for (Trail t : places.values()) {
            S3Client s3;
            try {
                s3 = aws.s3(bucketRegion(t));
            } catch (RuntimeException e) {
                errors.add(AwsErrors.regionError(t.homeRegion(), "s3", e));
                continue;
            }
            for (String regionPrefix : children(s3, t.bucket(), t.logRoot())) {
                String region = regionPrefix.substring(t.logRoot().length()).replace("/", "");
                if (regions != null && !regions.contains(region)) continue;
                listings.add(new FanOut.Job<>(region, "s3", () -> dayFiles(s3, t.bucket(), regionPrefix, filter)
                        .stream().map(k -> t.bucket() + "\u0000" + k).toList()));
            }
        }
        FanOut.Result<List<String>> listed = new FanOut(AwsContext.FAN_OUT).run(listings);
        errors.addAll(listed.errors());

        ConcurrentLinkedQueue<TrailEvent> found = new ConcurrentLinkedQueue<>();
        List<FanOut.Job<Integer>> reads = new ArrayList<>();
        Map<String, S3Client> clients = new LinkedHashMap<>();
        for (Trail t : places.values()) clients.putIfAbsent(t.bucket(), aws.s3(bucketRegion(t)));
        for (List<String> files : listed.values()) {
            for (String f : files) {
                String bucket = f.substring(0, f.indexOf('\u0000'));
                String key = f.substring(f.indexOf('\u0000') + 1);
                reads.add(new FanOut.Job<>(regionOfKey(key), "s3", () -> readFile(clients.get(bucket), bucket, key, filter, found)));
            }
        }
        FanOut.Result<Integer> read = new FanOut(PARALLEL_FILES).run(reads);
        errors.addAll(read.errors());
        return new TrailResult("s3", sortedUnique(found), errors, read.values().size());
    }

    /** Oldest first; an event delivered twice (two trails, one bucket) counts once. */
    static List<TrailEvent> sortedUnique(Collection<TrailEvent> events) {
        Map<String, TrailEvent> byId = new LinkedHashMap<>();
        for (TrailEvent e : events) byId.putIfAbsent(e.eventId() != null ? e.eventId() : e.toString(), e);
        List<TrailEvent> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(TrailEvent::time).thenComparing(e -> e.event()));
        return out;
    }

    private String bucketRegion(Trail t) {
        // GetBucketLocation answers from any region; null/empty means us-east-1.
        String loc = AwsContext.call(() -> aws.s3(t.homeRegion()).getBucketLocation(b -> b.bucket(t.bucket()))
                .locationConstraintAsString());
        return loc == null || loc.isEmpty() ? "us-east-1" : "EU".equals(loc) ? "eu-west-1" : loc;
    }

    private static List<String> children(S3Client s3, String bucket, String prefix) {
        return AwsContext.call(() -> s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/"))
                .commonPrefixes().stream().map(CommonPrefix::prefix).toList());
    }

    /** The log files in the day folders that can hold events of the window (a day late for delivery lag). */
    private static List<String> dayFiles(S3Client s3, String bucket, String regionPrefix, TrailFilter filter) {
        LocalDate from = filter.from() == null ? LocalDate.MIN : filter.from().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = filter.to() == null ? LocalDate.MAX : filter.to().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        List<String> files = new ArrayList<>();
        for (String y : children(s3, bucket, regionPrefix)) {
            int year = number(y);
            if (year < 0 || year < from.getYear() || year > to.getYear()) continue;
            for (String m : children(s3, bucket, y)) {
                int month = number(m);
                if (month < 1 || month > 12) continue;
                LocalDate first = LocalDate.of(year, month, 1);
                if (first.plusMonths(1).minusDays(1).isBefore(from) || first.isAfter(to)) continue;
                for (String d : children(s3, bucket, m)) {
                    int day = number(d);
                    if (day < 1 || day > first.lengthOfMonth()) continue;
                    LocalDate date = LocalDate.of(year, month, day);
                    if (date.isBefore(from) || date.isAfter(to)) continue;
                    AwsContext.call(() -> s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(d)).contents().stream()
                            .map(o -> o.key()).filter(k -> k.endsWith(".json.gz") || k.endsWith(".json"))
                            .toList()).forEach(files::add);
                }
            }
        }
        return files;
    }

    /** The last path element of a folder prefix as a number, or -1. */
    private static int number(String folder) {
        String s = folder.replaceAll("/+$", "");
        s = s.substring(s.lastIndexOf('/') + 1);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String regionOfKey(String key) {
        int i = key.indexOf("/CloudTrail/");
        if (i < 0) return "unknown";
        String rest = key.substring(i + "/CloudTrail/".length());
        return rest.substring(0, Math.max(0, rest.indexOf('/')));
    }

    private static int readFile(S3Client s3, String bucket, String key, TrailFilter filter,
                                ConcurrentLinkedQueue<TrailEvent> sink) {
        try (InputStream raw = AwsContext.call(() -> s3.getObject(b -> b.bucket(bucket).key(key)));
             InputStream in = key.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            TrailRecords.stream(in, e -> {
                if (filter.matches(e)) sink.add(e);
            });
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }
}
