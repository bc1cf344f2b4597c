package labcloud.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Gathers per-file results from many threads and drops fingerprints the user chose to ignore. */
final class Collector {
    static {
        // Loaded by every scan, though only a tree with binary, large or unreadable files makes one:
        // the start-up cache then holds it whatever tree trained the cache. A class outside the
        // cache is read from the jar, which has the JVM open and index all 16,000 entries of it.
        Skipped.class.getName();
    }

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
        // Plain comparisons rather than Comparator chains: the JDK spins those chains' lambda
        // classes at run time (about 7 ms at the end of every scan with findings).
        if (findings.size() > 1) findings.sort(Collector::byPlace);
        if (skipped.size() > 1) skipped.sort(null);
        return new ScanResult(target, mode, List.copyOf(findings), List.copyOf(pairs), List.copyOf(skipped), files, bytes,
                commits, ignored, (System.nanoTime() - startNanos) / 1_000_000);
    }

    /** By file, then line, notebook cell (none first), line in the cell and column. */
    private static int byPlace(Finding a, Finding b) {
        int c = a.path().compareTo(b.path());
        if (c == 0) c = Integer.compare(a.line(), b.line());
        if (c == 0) c = nullsFirst(a.cell(), b.cell());
        if (c == 0) c = nullsFirst(a.cellLine(), b.cellLine());
        return c != 0 ? c : Integer.compare(a.column(), b.column());
    }

    private static int nullsFirst(Integer a, Integer b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        return Integer.compare(a, b);
    }
}
