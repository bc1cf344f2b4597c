package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class SigV4Test {
    // AWS's published example for header-based SigV4 on S3 (GET Object with a Range header)
    private static final AwsBasicCredentials EXAMPLE = AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    @Test
    void matchesAwsPublishedGetObjectExample() {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "examplebucket.s3.amazonaws.com");
        headers.put("range", "bytes=0-9");
        new SigV4("us-east-1", "s3").sign("GET", "/test.txt", null, headers, SigV4.EMPTY_SHA256, EXAMPLE,
                Instant.parse("2013-05-24T00:00:00Z"));
        assertThat(headers.get("authorization")).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/"
                + "20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(headers).containsEntry("x-amz-date", "20130524T000000Z");
    }

    @Test
    void theSigningKeyCacheFollowsTheDayAndTheSecret() {
        SigV4 signer = new SigV4("us-east-1", "s3");
        String day1 = sign(signer, EXAMPLE, "2013-05-24T00:00:00Z");
        String day2 = sign(signer, EXAMPLE, "2013-05-25T00:00:00Z");
        String otherSecret = sign(signer, AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "another"), "2013-05-25T00:00:00Z");
        assertThat(day1).endsWith("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(day2).isNotEqualTo(day1).contains("/20130525/");
        assertThat(otherSecret).isNotEqualTo(day2);
        // back to the first day and secret: the same signature as before, not a stale key
        assertThat(sign(signer, EXAMPLE, "2013-05-24T00:00:00Z")).isEqualTo(day1);
    }

    @Test
    void aSessionTokenIsSentAndSigned() {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "examplebucket.s3.amazonaws.com");
        new SigV4("eu-west-1", "s3").sign("PUT", "/a", null, headers, SigV4.UNSIGNED_PAYLOAD,
                AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "the-token"), Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(headers).containsEntry("x-amz-security-token", "the-token");
        assertThat(headers.get("authorization"))
                .contains("Credential=ASIAEXAMPLE/20260102/eu-west-1/s3/aws4_request")
                .contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token")
                .doesNotContain("secret");
    }

    @Test
    void keysAreEncodedOnceWithSlashesKept() {
        assertThat(SigV4.uriEncode("a b/ü+c~d_e.f-g=h&i%", true)).isEqualTo("a%20b/%C3%BC%2Bc~d_e.f-g%3Dh%26i%25");
        assertThat(SigV4.uriEncode("x/y", false)).isEqualTo("x%2Fy");
    }

    private static String sign(SigV4 signer, AwsBasicCredentials c, String when) {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "examplebucket.s3.amazonaws.com");
        headers.put("range", "bytes=0-9");
        signer.sign("GET", "/test.txt", null, headers, SigV4.EMPTY_SHA256, c, Instant.parse(when));
        return headers.get("authorization");
    }
}
