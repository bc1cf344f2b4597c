package labcloud.policy.rules;

import java.util.List;
import java.util.Map;

/** One audit rule: its id, default severity, typed parameters, and the check itself. */
public interface Rule {
    String id();

    Severity defaultSeverity();

    /** One sentence for `--help`-style listings and the README. */
    String description();

    /** Parameter name -> type and default, in the order they are documented. */
    Map<String, Param> params();

    void evaluate(AuditInput input, RuleConfig config, List<Finding> out);
}
