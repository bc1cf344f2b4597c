package labcloud.cost;

import java.util.Locale;
import labcloud.core.UsageException;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;

/** What spend is grouped by: one of the lab's tags, or a Cost Explorer dimension. */
public enum CostDimension {
    PROJECT("Project", true),
    OWNER("Owner", true),
    TASK("Task", true),
    SERVICE("SERVICE", false),
    REGION("REGION", false),
    ACCOUNT("LINKED_ACCOUNT", false);

    /** The row for costs that carry no value of the tag (Cost Explorer's "Project$" group). */
    public static final String UNTAGGED = "(untagged)";

    private final String key;
    private final boolean tag;

    CostDimension(String key, boolean tag) {
        this.key = key;
        this.tag = tag;
    }

    public String key() {
        return key;
    }

    public boolean tag() {
        return tag;
    }

    /** The option value: project, owner, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public GroupDefinition groupDefinition() {
        return GroupDefinition.builder().type(tag ? GroupDefinitionType.TAG : GroupDefinitionType.DIMENSION).key(key).build();
    }

    /** A group key as Cost Explorer returns it ("Project$genomics", "Project$") as the value to show. */
    public String groupValue(String groupKey) {
        if (groupKey == null) return UNTAGGED;
        if (!tag) return groupKey.isEmpty() ? "(none)" : groupKey;
        int dollar = groupKey.indexOf('$');
        String v = dollar < 0 ? groupKey : groupKey.substring(dollar + 1);
        return v.isBlank() ? UNTAGGED : v;
    }

    public static CostDimension parse(String s) {
        for (CostDimension d : values()) {
            if (d.label().equalsIgnoreCase(s == null ? "" : s.trim())) return d;
        }
        throw new UsageException("--by '" + s + "': expected project, owner, service, region, account or task");
    }
}
