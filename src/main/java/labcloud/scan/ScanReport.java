package labcloud.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.core.Fields;

/** The JSON report (documented in the README); it is also the input of {@code --baseline}. */
public final class ScanReport {
    private ScanReport() {}

    public static Map<String, Object> json(ScanResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("target", r.target());
        doc.put("mode", r.mode());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) findings.add(finding(f));
        doc.put("findings", findings);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("findings", r.findings().size());
        summary.put("files", r.files());
        summary.put("bytes", r.bytes());
        summary.put("commits", r.commits());
        summary.put("ignored", r.ignored());
        summary.put("skipped", r.skipped().size());
        summary.put("millis", r.millis());
        doc.put("summary", summary);
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (Skipped s : r.skipped()) skipped.add(Fields.of("path", s.path(), "reason", s.reason()));
        doc.put("skipped", skipped);
        return doc;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule().id());
        m.put("title", f.rule().title());
        m.put("path", f.path());
        m.put("line", f.line());
        m.put("column", f.column());
        m.put("cell", f.cell());
        m.put("cellLine", f.cellLine());
        m.put("cellOutput", f.cell() == null ? null : f.cellOutput());
        m.put("commit", f.commit() == null ? null : f.commit().id());
        m.put("author", f.commit() == null ? null : f.commit().author());
        m.put("date", f.commit() == null ? null : f.commit().date());
        m.put("match", f.shown());
        m.put("fingerprint", f.fingerprint());
        m.put("verified", f.verified());
        return m;
    }
}
