package labcloud.policy.rules;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the audit knows about spend per project (rule project-without-budget): this month's actual
 * per Project value from the latest spend report, and which projects an AWS budget watches.
 *
 * @param asOf     when the spend figures were made
 * @param spend    Project value -> actual spend this month (to the report's day)
 * @param budgeted Project values an AWS budget is filtered to
 */
public record ProjectSpend(Instant asOf, Map<String, Double> spend, Set<String> budgeted) {}
