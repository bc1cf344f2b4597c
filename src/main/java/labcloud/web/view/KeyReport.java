package labcloud.web.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import labcloud.inventory.Resource;

/** The Keys & MFA page: access key ages against the rotation schedule, and users without MFA. */
public record KeyReport(int rotationDays, List<Key> keys, List<User> users, List<User> withoutMfa) {
    public record Key(String user, String keyId, String status, Instant createdAt, Long ageDays, boolean overdue,
                      String lastUsed) {}

    public record User(String name, Boolean mfa, Boolean console, long activeKeys, String email) {}

    public static KeyReport of(DashboardData d, int rotationDays) {
        Instant asOf = d.snapshot() == null ? Instant.now() : d.snapshot().takenAt();
        List<Key> keys = d.resources().stream().filter(r -> Resource.IAM_ACCESS_KEY.equals(r.type())).map(r -> {
            Long age = r.createdAt() == null ? null : Duration.between(r.createdAt(), asOf).toDays();
            String status = r.state() != null ? r.state() : Details.text(r.details(), "status");
            boolean active = status == null || status.equalsIgnoreCase("active");
            String user = Details.text(r.details(), "userName", "user");
            return new Key(user != null ? user : r.name(), r.id(), status, r.createdAt(), age,
                    active && age != null && age > rotationDays, Details.text(r.details(), "lastUsed", "lastUsedDate"));
        }).sorted(Comparator.comparing(Key::overdue).reversed()
                .thenComparing(Key::ageDays, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
        List<User> users = d.resources().stream().filter(r -> Resource.IAM_USER.equals(r.type())).map(r -> {
            long active = keys.stream().filter(k -> r.id().equals(k.user()) || (r.name() != null && r.name().equals(k.user())))
                    .filter(k -> k.status() == null || k.status().equalsIgnoreCase("active")).count();
            return new User(r.name() != null ? r.name() : r.id(), Details.flag(r.details(), "mfaActive", "mfa", "mfaEnabled"),
                    Details.flag(r.details(), "consoleAccess", "passwordEnabled", "console"), active,
                    Breakdown.tag(r, "Email"));
        }).sorted(Comparator.comparing(User::name)).toList();
        List<User> noMfa = users.stream().filter(u -> !Boolean.TRUE.equals(u.mfa())).toList();
        return new KeyReport(rotationDays, keys, users, noMfa);
    }
}
