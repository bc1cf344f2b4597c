package labcloud.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactorTest {
    // Fake, test-only values shaped like real ones.
    private static final String SECRET = "Zq3vT8sN1pLk4mR7xW2yB5cD9eF0gH6jK1aS3dQw";
    private static final String KEY_ID = "AKIA" + "TESTFAKE7Q2ZWXYZ";

    @Test
    void masksRegisteredSecretsWherever_theyAppear() {
        Redactor.register(SECRET);
        assertThat(Redactor.secrets("failed with " + SECRET + " in url")).doesNotContain(SECRET).contains("****");
    }

    @Test
    void masksValuesAfterSecretLikeNames() {
        String text = "aws_secret_access_key = abcdEFGHijklMNOPqrstUVWXyz0123456789ABCD\n"
                + "{\"SessionToken\": \"IQoJb3JpZ2luX2VjEXAMPLETOKENVALUE\"} password=hunter2hunter2";
        String out = Redactor.secrets(text);
        assertThat(out).doesNotContain("abcdEFGHijkl").doesNotContain("IQoJb3JpZ2lu").doesNotContain("hunter2hunter2")
                .contains("aws_secret_access_key = ****");
    }

    @Test
    void masksPrivateKeyBlocks() {
        String pem = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAtest\nmore\n-----END RSA PRIVATE KEY-----\nafter";
        String out = Redactor.secrets(pem);
        assertThat(out).doesNotContain("MIIEowIBAAKCAQEAtest").contains("after");
    }

    @Test
    void shortensKeyIdsOnlyInTheFullMode() {
        assertThat(Redactor.secrets("key " + KEY_ID)).contains(KEY_ID);
        assertThat(Redactor.all("key " + KEY_ID)).doesNotContain(KEY_ID).contains("AKIA…WXYZ");
        assertThat(Redactor.shortKeyId(KEY_ID)).isEqualTo("AKIA…WXYZ");
    }

    @Test
    void printStreamRedactsAcrossWritesAndDropsPemLines() {
        Redactor.register(SECRET);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        var ps = new RedactingPrintStream(sink, Redactor::all);
        ps.print(SECRET.substring(0, 10));
        ps.print(SECRET.substring(10) + " tail\n");
        ps.println("-----BEGIN OPENSSH PRIVATE KEY-----");
        ps.println("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ");
        ps.println("-----END OPENSSH PRIVATE KEY-----");
        ps.println("done " + KEY_ID);
        ps.flush();
        String out = sink.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain(SECRET).doesNotContain("b3BlbnNzaC1rZXkt").contains("**** tail")
                .contains("done AKIA…WXYZ");
    }
}
