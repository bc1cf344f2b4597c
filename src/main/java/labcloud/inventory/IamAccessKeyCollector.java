package labcloud.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.aws.FanOut;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/**
 * IAM access keys: status, age and last use from the credential report; the key ids, which the
 * report leaves out, from ListAccessKeys for the users the report says have keys.
 */
public final class IamAccessKeyCollector {
    public List<Resource> collect(CollectionRun run, String region) {
        CredentialReport report = run.once("credential-report", () -> CredentialReport.fetch(run.aws().iam()));
        Instant asOf = run.options().asOf();
        List<FanOut.Job<List<Resource>>> jobs = new ArrayList<>();
        for (CredentialReport.Row row : report.rows()) {
            if (row.keys().isEmpty() || row.user().equals("<root_account>")) continue;
            jobs.add(new FanOut.Job<>("global", "iam", () -> keysOf(run, row, asOf)));
        }
        FanOut.Result<List<Resource>> r = run.aws().fanOut().run(jobs);
        r.errors().forEach(run::error);
        List<Resource> out = new ArrayList<>();
        r.values().forEach(out::addAll);
        return out;
    }

    private static List<Resource> keysOf(CollectionRun run, CredentialReport.Row row, Instant asOf) {
        // The report's key 1 is the user's older key, key 2 the newer one.
        List<AccessKeyMetadata> keys = new ArrayList<>(run.aws().iam()
                .listAccessKeys(b -> b.userName(row.user())).accessKeyMetadata());
        keys.sort(Comparator.comparing(AccessKeyMetadata::createDate, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Resource> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            AccessKeyMetadata k = keys.get(i);
            CredentialReport.KeySlot slot = slotFor(row, k, i);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("userName", row.user());
            d.put("status", k.statusAsString());
            d.put("ageDays", k.createDate() == null ? null : Duration.between(k.createDate(), asOf).toDays());
            d.put("lastUsed", slot == null ? null : slot.lastUsed());
            d.put("lastUsedService", slot == null ? null : slot.lastUsedService());
            d.put("lastUsedRegion", slot == null ? null : slot.lastUsedRegion());
            d.put("createdAt", k.createDate());
            out.add(new Resource(Resource.IAM_ACCESS_KEY, k.accessKeyId(), "global", row.user(), k.statusAsString(),
                    k.createDate(), Map.of(), null, d));
        }
        return out;
    }

    /** The report lists a user's keys in creation order, as slot 1 and 2. */
    private static CredentialReport.KeySlot slotFor(CredentialReport.Row row, AccessKeyMetadata k, int index) {
        return index < row.keys().size() ? row.keys().get(index) : null;
    }
}
