package labcloud.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.advise.Advice;
import labcloud.app.AdviceService;
import labcloud.core.UsageException;

/** The Advice page's and /api/advice's query: the form's fields in, an answer or one error line out. */
final class AdviceView {
    record Request(Map<String, String> values, String region, boolean asked, String error) {}

    record Answer(Advice advice, String error) {}

    static final String DEFAULT_REGION = "us-east-1";

    private AdviceView() {}

    static Request request(Map<String, List<String>> params) {
        Map<String, String> values = new LinkedHashMap<>();
        String region = DEFAULT_REGION;
        String error = null;
        boolean asked = false;
        for (var e : params.entrySet()) {
            String v = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            if (e.getKey().equals("region")) {
                if (!v.isBlank()) region = v.strip();
                continue;
            }
            if (!AdviceService.inputNames().contains(e.getKey())) {
                error = "unknown query parameter '" + e.getKey() + "' (inputs: " + String.join(", ", AdviceService.inputNames()) + ", region)";
                continue;
            }
            values.put(e.getKey(), v);
            asked |= !v.isBlank();
        }
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) error = "invalid region '" + region + "'";
        return new Request(values, region, asked, error);
    }

    static Answer answer(AdviceService service, Request r) {
        try {
            if (!service.regions().contains(r.region())) throw new UsageException("no prices for region " + r.region() + " in the catalog");
            return new Answer(service.advise(r.region(), AdviceService.parseInputs(r.values())), null);
        } catch (UsageException e) {
            return new Answer(null, e.getMessage());
        }
    }

    /** The tree as data, and as Mermaid text, for /api/advice/tree. */
    static Map<String, Object> tree(AdviceService service) {
        var t = service.tree();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", t.title());
        m.put("source", t.source());
        m.put("start", t.start());
        List<Map<String, Object>> qs = new ArrayList<>();
        t.questions().values().forEach(q -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", q.id());
            x.put("ask", q.ask());
            x.put("if", q.testText());
            x.put("then", q.then());
            x.put("else", q.otherwise());
            qs.add(x);
        });
        m.put("questions", qs);
        m.put("leaves", t.leaves().values());
        m.put("defaults", t.defaults());
        m.put("mermaid", service.mermaid(null));
        return m;
    }
}
