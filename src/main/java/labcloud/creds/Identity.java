package labcloud.creds;

import java.time.Instant;
import java.util.List;

/**
 * Who the credentials in use belong to. The access key ID is the full ID: renderers shorten it.
 * Fields that need IAM (key age, MFA) are null when IAM would not say, with the reason in notes.
 */
public record Identity(String account, String arn, String userId, String userName, String accessKeyId,
                       String origin, String profile, Instant keyCreated, Long keyAgeDays, String keyStatus,
                       Boolean mfaEnabled, List<String> notes) {
    public boolean isIamUser() {
        return userName != null;
    }

    /** The user name in an IAM user ARN (arn:aws:iam::123:user/path/name), else null. */
    static String userNameFromArn(String arn) {
        if (arn == null) return null;
        int i = arn.indexOf(":user/");
        if (i < 0) return null;
        String path = arn.substring(i + 6);
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
