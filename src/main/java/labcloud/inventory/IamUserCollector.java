package labcloud.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * IAM users from the credential report (console access, MFA, last activity), with their tags
 * from one paginated GetAccountAuthorizationDetails instead of a call per user.
 */
public final class IamUserCollector {
    public List<Resource> collect(CollectionRun run, String region) {
        CredentialReport report = run.once("credential-report", () -> CredentialReport.fetch(run.aws().iam()));
        Map<String, UserDetail> details = new HashMap<>();
        run.aws().iam().getAccountAuthorizationDetailsPaginator(b -> b.filter(EntityType.USER)).userDetailList()
                .forEach(u -> details.put(u.userName(), u));
        List<Resource> out = new ArrayList<>();
        for (CredentialReport.Row row : report.rows()) {
            if (row.user().equals("<root_account>")) continue;
            UserDetail u = details.get(row.user());
            Map<String, String> tags = u == null ? Map.of() : Tags.of(u.tags(), t -> t.key(), t -> t.value());
            Instant keyUsed = row.keys().stream().map(CredentialReport.KeySlot::lastUsed).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("arn", row.arn());
            d.put("consoleAccess", row.passwordEnabled());
            d.put("mfaActive", row.mfaActive());
            d.put("passwordLastUsed", row.passwordLastUsed());
            d.put("accessKeys", row.keys().size());
            d.put("activeAccessKeys", (int) row.keys().stream().filter(CredentialReport.KeySlot::active).count());
            d.put("accessKeyLastUsed", keyUsed);
            d.put("lastActivity", latest(row.passwordLastUsed(), keyUsed));
            d.put("groups", u == null ? List.of() : u.groupList());
            d.put("attachedPolicies", u == null ? List.of() : u.attachedManagedPolicies().stream().map(p -> p.policyName()).toList());
            out.add(new Resource(Resource.IAM_USER, row.user(), "global", row.user(), "active", row.userCreated(),
                    tags, null, d));
        }
        return out;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }
}
