package labcloud.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.core.Fields;

/** SARIF 2.1.0, as GitHub code scanning accepts it: one run, one rule per {@link Rule}, one result per finding. */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {}

    public static Map<String, Object> of(ScanResult r, String toolVersion) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", rule.id());
            d.put("name", camel(rule.id()));
            d.put("shortDescription", Map.of("text", rule.title()));
            d.put("fullDescription", Map.of("text", rule.help()));
            d.put("help", Map.of("text", rule.help() + " Remove it, rotate the key, keep keys in ~/.aws/credentials "
                    + "(labcloud creds import) and add the file to .gitignore."));
            d.put("defaultConfiguration", Map.of("level", "error"));
            d.put("properties", Fields.of("tags", List.of("security", "secrets"), "security-severity", "9.0"));
            rules.add(d);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "labcloud");
        driver.put("informationUri", "https://github.com/labcloud/labcloud");
        driver.put("version", toolVersion);
        driver.put("rules", rules);

        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", Math.max(1, f.line()));
            region.put("startColumn", Math.max(1, f.column()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Fields.of("uri", f.path(), "uriBaseId", "%SRCROOT%"));
            physical.put("region", region);
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("ruleId", f.rule().id());
            res.put("ruleIndex", f.rule().ordinal());
            res.put("level", "error");
            res.put("message", Map.of("text", message(f)));
            res.put("locations", List.of(Map.of("physicalLocation", physical)));
            res.put("partialFingerprints", Map.of("labcloudFingerprint/v1", f.fingerprint()));
            if (f.commit() != null) {
                res.put("properties", Fields.of("commit", f.commit().id(), "author", f.commit().author(), "date", f.commit().date()));
            }
            results.add(res);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", SCHEMA);
        doc.put("version", "2.1.0");
        doc.put("runs", List.of(run));
        return doc;
    }

    private static String message(Finding f) {
        String where = f.cell() != null ? " in notebook cell " + f.cell() + (f.cellOutput() ? " output" : "") + ", line " + f.cellLine() : "";
        String commit = f.commit() != null ? " (commit " + f.commit().id().substring(0, Math.min(12, f.commit().id().length())) + ")" : "";
        String live = f.verified() != null ? " [" + f.verified() + "]" : "";
        return f.rule().title() + " " + f.shown() + where + commit + live;
    }

    private static String camel(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return b.toString();
    }
}
