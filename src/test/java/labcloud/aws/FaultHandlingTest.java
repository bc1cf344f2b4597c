package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import labcloud.core.AuthException;
import labcloud.core.Environment;
import labcloud.testing.FaultProxy;
import labcloud.testing.FaultProxy.Fault;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retries, partial results and permission errors, against moto behind a fault-injecting proxy. */
@ExtendWith(Moto.class)
class FaultHandlingTest {
    private static final String EC2_ERROR = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error>"
            + "<Code>%s</Code><Message>%s</Message></Error></Errors><RequestID>r-1</RequestID></Response>";

    private static AwsContext through(FaultProxy proxy, TestLab lab) {
        Map<String, String> v = new HashMap<>(lab.vars());
        v.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        return new AwsContext(AwsSettings.defaults(), Environment.of(v));
    }

    @Test
    void aRegionThatDropsConnectionsIsReportedWhileTheOthersComplete(TestLab lab) throws Exception {
        List<String> regions = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
        for (String r : regions) {
            lab.aws().ec2(r).runInstances(b -> b.imageId("ami-12345678").instanceType("t3.micro").minCount(1).maxCount(1));
        }
        try (FaultProxy proxy = new FaultProxy(lab.moto().endpoint());
             AwsContext aws = through(proxy, lab)) {
            proxy.rule(req -> "eu-west-1".equals(req.region()) ? new Fault.Reset() : Fault.NONE);
            FanOut.Result<Integer> result = aws.fanOut().perRegion(regions, "ec2", region ->
                    aws.ec2(region).describeInstances().reservations().size());
            assertThat(result.values()).containsExactly(1, 1);
            assertThat(result.errors()).singleElement().satisfies(e -> {
                assertThat(e.region()).isEqualTo("eu-west-1");
                assertThat(e.service()).isEqualTo("ec2");
                assertThat(e.message()).contains("ec2:DescribeInstances");
                assertThat(e.auth()).isFalse();
            });
        }
    }

    @Test
    void throttlingIsRetriedWithBackoff(TestLab lab) throws Exception {
        AtomicInteger throttled = new AtomicInteger();
        try (FaultProxy proxy = new FaultProxy(lab.moto().endpoint());
             AwsContext aws = through(proxy, lab)) {
            proxy.rule(req -> throttled.getAndIncrement() < 2
                    ? new Fault.Respond(503, "text/xml", EC2_ERROR.formatted("RequestLimitExceeded", "Request limit exceeded."))
                    : Fault.NONE);
            assertThat(aws.ec2("us-east-1").describeVolumes().volumes()).isEmpty();
            assertThat(proxy.faults()).isEqualTo(2);
            assertThat(proxy.requests()).isEqualTo(3);
        }
    }

    @Test
    void permissionErrorsBecomeExitFourNamingTheMissingPermission(TestLab lab) throws Exception {
        try (FaultProxy proxy = new FaultProxy(lab.moto().endpoint());
             AwsContext aws = through(proxy, lab)) {
            proxy.rule(req -> new Fault.Respond(403, "text/xml", EC2_ERROR.formatted("UnauthorizedOperation",
                    "You are not authorized to perform this operation.")));
            assertThatThrownBy(() -> AwsContext.call(() -> aws.ec2("eu-west-1").describeAddresses()))
                    .isInstanceOf(AuthException.class)
                    .hasMessageContaining("ec2:DescribeAddresses")
                    .hasMessageContaining("eu-west-1");
            assertThat(proxy.requests()).isEqualTo(1); // a permission error is not retried
        }
    }

    @Test
    void expiredCredentialsSayWhatToDo(TestLab lab) throws Exception {
        try (FaultProxy proxy = new FaultProxy(lab.moto().endpoint());
             AwsContext aws = through(proxy, lab)) {
            proxy.rule(req -> new Fault.Respond(400, "text/xml",
                    "<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included "
                            + "in the request is expired</Message></Error><RequestId>r</RequestId></ErrorResponse>"));
            assertThatThrownBy(aws::callerIdentity).isInstanceOf(AuthException.class)
                    .hasMessageContaining("ExpiredToken").hasMessageContaining("creds mfa");
        }
    }

    @Test
    void unreachableEndpointIsOneClearLine(TestLab lab) {
        Map<String, String> v = new HashMap<>(lab.vars());
        v.put("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
        v.put("AWS_MAX_ATTEMPTS", "1");
        try (AwsContext aws = new AwsContext(AwsSettings.defaults(), Environment.of(v))) {
            assertThatThrownBy(aws::callerIdentity).hasMessageContaining("cannot reach AWS").hasMessageNotContaining("\n");
        }
    }

}
