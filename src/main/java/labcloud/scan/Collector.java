package labcloud.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Gathers per-file results from many threads and drops fingerprints the user chose to ignore. */
final class Collector {
    private final Set<String> ignoredFingerprints;
    private final List<Finding> findings = new ArrayList<>();
    private final List<KeyPair> pairs = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private int ignored;
    private long files;
    private long bytes;

    Collector(Set<String> ignoredFingerprints) {
        this.ignoredFingerprints = ignoredFingerprints;
    }

    synchronized void add(ContentScanner.Result r, long size) {
        if (r.skipped() != null) {
            skipped.add(r.skipped());
            return;
        }
        files++;
        bytes += size;
        for (Finding f : r.findings()) {
            if (ignoredFingerprints.contains(f.fingerprint())) ignored++;
            else findings.add(f);
        }
        for (KeyPair p : r.pairs()) if (!ignoredFingerprints.contains(p.keyIdFinding().fingerprint())) pairs.add(p);
    }

    synchronized void skip(Skipped s) {
        skipped.add(s);
    }

    synchronized ScanResult result(String target, String mode, long commits, long startNanos) {
        // Only when there is something to order: building the comparators is a few milliseconds of
        // the pre-commit hook's run, where a clean commit has no finding at all.
        if (findings.size() > 1) {
            findings.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line)
                    .thenComparing(Finding::cell, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Finding::cellLine, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingInt(Finding::column));
        }
        if (skipped.size() > 1) skipped.sort(Comparator.comparing(Skipped::path));
        return new ScanResult(target, mode, List.copyOf(findings), List.copyOf(pairs), List.copyOf(skipped), files, bytes,
                commits, ignored, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
