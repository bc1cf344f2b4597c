package labcloud.policy.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/** The id, severity, description and parameters every rule declares. */
abstract class BaseRule implements Rule {
    private final String id;
    private final Severity severity;
    private final String description;
    private final Map<String, Param> params = new LinkedHashMap<>();

    BaseRule(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    BaseRule param(String name, Param p) {
        params.put(name, p);
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity defaultSeverity() {
        return severity;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Map<String, Param> params() {
        return params;
    }
}
