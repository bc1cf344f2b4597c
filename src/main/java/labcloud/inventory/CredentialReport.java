package labcloud.inventory;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The IAM credential report: one CSV row per user with console access, MFA, password and access
 * key activity. One report answers for every user, instead of several calls per user.
 */
public record CredentialReport(List<Row> rows) {
    /** One user's row; dates are null where the report says N/A, no_information or not_supported. */
    public record Row(String user, String arn, Instant userCreated, boolean passwordEnabled, Instant passwordLastUsed,
                      boolean mfaActive, List<KeySlot> keys) {}

    /** Access key 1 or 2 of a user as the report describes it (the report does not give key ids). */
    public record KeySlot(int slot, boolean active, Instant lastRotated, Instant lastUsed, String lastUsedRegion,
                          String lastUsedService) {}

    private static final long POLL_MILLIS = 250;
    private static final long MAX_WAIT_MILLIS = 120_000;

    /** Asks IAM to generate the report, waits until it is ready, and reads it. */
    public static CredentialReport fetch(IamClient iam) {
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        while (iam.generateCredentialReport().state() != ReportStateType.COMPLETE) {
            if (System.currentTimeMillis() > deadline) {
                throw new LabcloudException(ExitCode.FAILED, "IAM did not finish the credential report within "
                        + MAX_WAIT_MILLIS / 1000 + " s");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabcloudException(ExitCode.FAILED, "interrupted while waiting for the IAM credential report", e);
            }
        }
        return parse(iam.getCredentialReport().content().asUtf8String());
    }

    public static CredentialReport parse(String csv) {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            while (it.hasNext()) {
                Map<String, String> m = it.next();
                List<KeySlot> keys = new ArrayList<>();
                for (int slot = 1; slot <= 2; slot++) {
                    String p = "access_key_" + slot + "_";
                    Instant rotated = date(m.get(p + "last_rotated"));
                    if (rotated == null && !"true".equals(m.get(p + "active"))) continue;
                    keys.add(new KeySlot(slot, "true".equals(m.get(p + "active")), rotated, date(m.get(p + "last_used_date")),
                            text(m.get(p + "last_used_region")), text(m.get(p + "last_used_service"))));
                }
                rows.add(new Row(m.get("user"), m.get("arn"), date(m.get("user_creation_time")),
                        "true".equals(m.get("password_enabled")), date(m.get("password_last_used")),
                        "true".equals(m.get("mfa_active")), List.copyOf(keys)));
            }
        } catch (IOException | RuntimeException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot read the IAM credential report: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        return new CredentialReport(List.copyOf(rows));
    }

    private static Instant date(String s) {
        if (s == null || s.isBlank() || s.equals("N/A") || s.equals("no_information") || s.equals("not_supported")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() || s.equals("N/A") || s.equals("not_supported") || s.equals("no_information") ? null : s;
    }
}
