package labcloud.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.inventory.Resource;
import labcloud.policy.rules.EmailAddress;

/** Who is reachable where: IAM users' own Email tags, overridden by the policy's people map. */
public final class People {
    private People() {}

    public static Map<String, String> emails(List<Resource> resources, Map<String, String> people) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Resource r : resources) {
            String e = Resource.IAM_USER.equals(r.type()) && r.tags() != null ? r.tags().get("Email") : null;
            if (EmailAddress.isValid(e)) m.put(r.id(), e.trim());
        }
        m.putAll(people);
        return m;
    }
}
