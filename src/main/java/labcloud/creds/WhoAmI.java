package labcloud.creds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import labcloud.aws.AwsContext;
import labcloud.core.LabcloudException;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Looks up the identity behind the credentials an {@link AwsContext} uses. */
public final class WhoAmI {
    private WhoAmI() {}

    /** GetCallerIdentity is required; the IAM details are best effort (a user may lack iam:List*). */
    public static Identity lookup(AwsContext aws, Instant now) {
        String keyId = aws.credentials().accessKeyId();
        GetCallerIdentityResponse id = aws.callerIdentity();
        String user = Identity.userNameFromArn(id.arn());
        List<String> notes = new ArrayList<>();
        Instant created = null;
        Long age = null;
        String status = null;
        Boolean mfa = null;
        if (user == null) {
            notes.add("not an IAM user (" + kindOf(id.arn()) + "): no long-term key to age");
        } else {
            try {
                List<AccessKeyMetadata> keys = AwsContext.call(() -> aws.iam().listAccessKeys(b -> b.userName(user)))
                        .accessKeyMetadata();
                for (AccessKeyMetadata k : keys) {
                    if (k.accessKeyId().equals(keyId)) {
                        created = k.createDate();
                        status = k.statusAsString();
                        age = Duration.between(created, now).toDays();
                    }
                }
                if (created == null) notes.add("temporary credentials: the key is not one of the user's access keys");
            } catch (LabcloudException e) {
                notes.add("key age unknown: " + e.getMessage());
            }
            try {
                mfa = !AwsContext.call(() -> aws.iam().listMFADevices(b -> b.userName(user))).mfaDevices().isEmpty();
            } catch (LabcloudException e) {
                notes.add("MFA status unknown: " + e.getMessage());
            }
        }
        return new Identity(id.account(), id.arn(), id.userId(), user, keyId, aws.credentialOrigin().label(),
                aws.profileName().orElse(null), created, age, status, mfa, List.copyOf(notes));
    }

    private static String kindOf(String arn) {
        if (arn == null) return "unknown";
        if (arn.endsWith(":root")) return "the account root user";
        if (arn.contains(":assumed-role/")) return "an assumed role";
        if (arn.contains(":federated-user/")) return "a federated user";
        return "unknown principal type";
    }
}
