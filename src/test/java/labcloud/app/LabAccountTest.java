package labcloud.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import org.junit.jupiter.api.Test;

/** The account handle the shells hold: the options first, the environment after, and one rule for region names. */
class LabAccountTest {
    private static Environment env(Map<String, String> vars) {
        return Environment.of(vars);
    }

    @Test
    void theRegionComesFromTheOptionThenTheEnvironment() {
        Environment e = env(Map.of("HOME", "/nonexistent-home", "AWS_REGION", "eu-west-1"));
        try (LabAccount given = LabAccount.of(null, "ap-south-1", null, false, e);
             LabAccount fromEnv = LabAccount.of(null, null, null, false, e)) {
            assertThat(given.region()).isEqualTo("ap-south-1");
            assertThat(fromEnv.region()).isEqualTo("eu-west-1");
        }
    }

    @Test
    void aGarbledRegionFromTheEnvironmentIsBadInputWhenUsed() {
        try (LabAccount a = LabAccount.of(null, null, null, false, env(Map.of("HOME", "/nonexistent-home", "AWS_REGION", "../../etc")))) {
            assertThatThrownBy(a::region).isInstanceOfSatisfying(UsageException.class,
                    u -> assertThat(u.exitCode()).isEqualTo(ExitCode.USAGE));
        }
    }

    @Test
    void aRegionListIsCheckedByTheSameRule() {
        try (LabAccount a = LabAccount.of(null, "us-east-1", null, false, env(Map.of("HOME", "/nonexistent-home")))) {
            assertThat(a.regions("eu-west-1, us-east-1")).containsExactly("eu-west-1", "us-east-1");
            assertThatThrownBy(() -> a.regions("us-east-1,../x")).isInstanceOf(UsageException.class).hasMessageContaining("../x");
        }
        assertThat(LabAccount.checkRegion("eu-west-1")).isEqualTo("eu-west-1");
        assertThatThrownBy(() -> LabAccount.checkRegion("../x")).isInstanceOf(UsageException.class).hasMessageContaining("../x");
    }
}
