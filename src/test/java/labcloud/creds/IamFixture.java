package labcloud.creds;

import java.nio.file.Files;
import java.nio.file.Path;
import labcloud.testing.TestLab;
import software.amazon.awssdk.services.iam.model.AccessKey;

/** IAM users and keys created in moto, and profiles in the test's ~/.aws/credentials that use them. */
final class IamFixture {
    private IamFixture() {}

    static AccessKey userWithKey(TestLab lab, String user) {
        lab.aws().iam().createUser(b -> b.userName(user));
        return lab.aws().iam().createAccessKey(b -> b.userName(user)).accessKey();
    }

    static String enableVirtualMfa(TestLab lab, String user) {
        String serial = lab.aws().iam().createVirtualMFADevice(b -> b.virtualMFADeviceName(user + "-phone"))
                .virtualMFADevice().serialNumber();
        lab.aws().iam().enableMFADevice(b -> b.userName(user).serialNumber(serial)
                .authenticationCode1("123456").authenticationCode2("654321"));
        return serial;
    }

    /** Writes [profile] with the key, after whatever the file already holds. */
    static Path writeProfile(TestLab lab, String profile, AccessKey key) throws Exception {
        Path creds = Files.createDirectories(lab.home().resolve(".aws")).resolve("credentials");
        String before = Files.exists(creds) ? Files.readString(creds) : "";
        Files.writeString(creds, before + "[" + profile + "]\naws_access_key_id = " + key.accessKeyId()
                + "\naws_secret_access_key = " + key.secretAccessKey() + "\n");
        return creds;
    }
}
