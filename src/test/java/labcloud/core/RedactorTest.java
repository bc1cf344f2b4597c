package labcloud.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /** A BEGIN marker with no key under it (an S3 key named after one) masks its own line, not the output after it. */
    @Test
    void aBeginMarkerWithoutAKeyHidesOnlyItsLine() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        var ps = new RedactingPrintStream(sink, Redactor::all);
        ps.println("2024-05-01 10:00        12 B  notes/a.txt");
        ps.println("2024-05-01 10:00        34 B  notes/-----BEGIN RSA PRIVATE KEY-----");
        ps.println("2024-05-01 10:00        56 B  notes/z.txt");
        ps.println("3 objects, 102 B");
        ps.println("short");
        ps.close();
        String out = sink.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("notes/a.txt", "notes/z.txt", "3 objects, 102 B", "short")
                .contains("notes/-----BEGIN RSA PRIVATE KEY----- ****");
        String text = "a.txt\nnotes/-----BEGIN RSA PRIVATE KEY-----\nz.txt\n3 objects\n";
        assertThat(Redactor.secrets(text)).isEqualTo("a.txt\nnotes/-----BEGIN RSA PRIVATE KEY----- ****\nz.txt\n3 objects\n");
    }

    /** A real key spread over lines (PEM headers, a short last line) is still masked whole, in a stream and in a string. */
    @Test
    void aMultiLineKeyIsStillMaskedWhole() {
        String body1 = "MIIEowIBAAKCAQEAq7BFUpkGp3Vl9g8Xq2oFhLWt1mJjLkBvN4sPZr0eYc3Tn";
        String body2 = "Rk9xQ2VtTmF3bGhGb3pZc1p0UDlhNnJ1dG1KbTNwQ0V6a3Q4ZWtMb0h2";
        String key = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123ABCD\n\n" + body1 + "\n"
                + body2 + "\nAbC=\n-----END RSA PRIVATE KEY-----\n";
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        var ps = new RedactingPrintStream(sink, Redactor::all);
        ps.print("before\n" + key + "after\n");
        ps.close();
        String out = sink.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain(body1).doesNotContain(body2).doesNotContain("AbC=").doesNotContain("DEK-Info")
                .contains("before\n", "after\n");
        String masked = Redactor.secrets("before\n" + key + "after\n");
        assertThat(masked).isEqualTo("before\n-----BEGIN RSA PRIVATE KEY----- ****\nafter\n");
    }

    /**
     * The lines one print completes reach the stream in one write, each redacted, and at once (a
     * long command's output is never held back); a partial line (a progress redraw) goes out when
     * the stream is flushed.
     */
    @Test
    void linesOfOnePrintGoOutInOneWriteAtOnce() {
        Redactor.register(SECRET);
        List<String> writes = new ArrayList<>();
        java.io.OutputStream target = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                writes.add(String.valueOf((char) b));
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(new String(b, off, len, StandardCharsets.UTF_8));
            }
        };
        var ps = new RedactingPrintStream(target, Redactor::all);
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < 100; i++) report.append("  \"path\" : \"doc/f").append(i).append(".gz\", \"reason\" : \"binary\"\n");
        report.append("secret = ").append(SECRET).append('\n');
        ps.print(report);
        assertThat(writes).hasSize(1); // 101 lines, one write, before any flush
        assertThat(writes.get(0)).contains("doc/f0.gz", "doc/f99.gz", "secret = ****").doesNotContain(SECRET);
        ps.print("uploading 3/10");
        assertThat(writes).hasSize(1);
        ps.flush();
        assertThat(writes).hasSize(2).last().isEqualTo("uploading 3/10");
    }

    /** Every name the output masks a value after, in either case, with each separator it knows. */
    @Test
    void masksTheValueAfterEveryKnownName() {
        String value = "s3cr3tValue0123456789";
        for (String name : List.of("aws_secret_access_key", "secret_access_key", "SecretAccessKey", "aws_session_token",
                "session_token", "SessionToken", "secret_key", "secret-key", "secretkey", "password", "x-amz-security-token")) {
            for (String n : List.of(name, name.toUpperCase(java.util.Locale.ROOT))) {
                for (String line : List.of(n + "=" + value, "\"" + n + "\": \"" + value + "\"", n + " : " + value)) {
                    assertThat(Redactor.secrets(line)).as(line).doesNotContain(value).contains(Redactor.MASK);
                }
            }
        }
        assertThat(Redactor.secrets("\"path\" : \"doc/readme.gz\"")).isEqualTo("\"path\" : \"doc/readme.gz\"");
    }
}
