package labcloud.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.UsageException;
import labcloud.policy.rules.RuleCatalog;
import labcloud.policy.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
    @TempDir
    Path dir;

    @Test
    void builtInPolicyHasEveryRuleWithItsDefaults() {
        LabPolicy p = PolicyLoader.builtIn();
        assertThat(p.rules().keySet()).containsExactlyElementsOf(RuleCatalog.ids());
        assertThat(p.rule("access-key-age").intParam("maxDays")).isEqualTo(90);
        assertThat(p.rule("access-key-age").intParam("warnDays")).isEqualTo(75);
        assertThat(p.rule("required-tags").listParam("keys")).containsExactly("Email", "Owner", "Project", "Task");
        assertThat(p.rule("mfa-missing").severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aFileOverridesOnlyWhatItSays() {
        LabPolicy p = PolicyLoader.parse("""
                # the lab's policy
                rules:
                  access-key-age: {maxDays: 60, severity: critical}
                  region-not-allowed:
                    regions: [us-east-1, eu-west-1]
                  efs-large:
                    enabled: false
                people:
                  frank: frank@lab.example.org
                """, "lab.yaml");
        assertThat(p.source()).isEqualTo("lab.yaml");
        assertThat(p.rule("access-key-age").intParam("maxDays")).isEqualTo(60);
        assertThat(p.rule("access-key-age").intParam("warnDays")).isEqualTo(75);
        assertThat(p.rule("access-key-age").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(p.rule("region-not-allowed").listParam("regions")).containsExactly("us-east-1", "eu-west-1");
        assertThat(p.rule("efs-large").enabled()).isFalse();
        assertThat(p.rule("mfa-missing").enabled()).isTrue();
        assertThat(p.people()).isEqualTo(Map.of("frank", "frank@lab.example.org"));
        assertThat(PolicyLoader.parse("", "empty.yaml").rules()).isEqualTo(PolicyLoader.builtIn().rules());
    }

    @Test
    void mistakesNameTheFileLineAndField() {
        assertError("rules:\n  access-key-age:\n    maxDays: ninety\n",
                "lab.yaml:3: rules.access-key-age.maxDays: expected a whole number, got 'ninety'");
        assertError("rules:\n  acess-key-age: {maxDays: 9}\n",
                "lab.yaml:2: rules.acess-key-age: unknown rule (known: required-tags, access-key-age");
        assertError("rules:\n  mfa-missing:\n    severity: urgent\n",
                "lab.yaml:3: rules.mfa-missing.severity: expected low, medium, high or critical, got 'urgent'");
        assertError("rules:\n  ebs-unattached:\n    minDays: 3\n    maxDays: 4\n",
                "lab.yaml:4: rules.ebs-unattached.maxDays: unknown parameter (known: enabled, severity, minDays)");
        assertError("rules:\n  required-tags:\n    keys: Email\n",
                "lab.yaml:3: rules.required-tags.keys: expected a list of text values, got 'Email'");
        assertError("rules:\n  required-tags:\n    keys:\n      - Email\n      - [Owner]\n",
                "lab.yaml:5: rules.required-tags.keys: expected text list items, got a list");
        assertError("rules:\n  efs-large: {enabled: maybe}\n", "lab.yaml:2: rules.efs-large.enabled: expected true or false");
        assertError("people:\n  frank: frank-at-lab\n", "lab.yaml:2: people.frank: expected an e-mail address, got 'frank-at-lab'");
        assertError("rulez: {}\n", "lab.yaml:1: rulez: unknown field (expected rules or people)");
        assertError("rules:\n  mfa-missing: {severity: high\n", "lab.yaml:");
        assertError("rules:\n  mfa-missing: {severity: high\n", "YAML syntax error");
        assertError("- just\n- a list\n", "lab.yaml:1: (document): expected a mapping");
    }

    private static void assertError(String yaml, String expected) {
        assertThatThrownBy(() -> PolicyLoader.parse(yaml, "lab.yaml")).isInstanceOf(UsageException.class)
                .hasMessageContaining(expected).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theHomePolicyFileIsUsedUnlessAnotherIsGiven() throws Exception {
        Environment env = Environment.of(Map.of("HOME", dir.toString()));
        assertThat(PolicyLoader.load(env, null).source()).isEqualTo("built-in");
        Path home = Files.createDirectories(dir.resolve(".labcloud")).resolve("policy.yaml");
        Files.writeString(home, "rules:\n  eip-idle: {enabled: false}\n");
        assertThat(PolicyLoader.load(env, null).rule("eip-idle").enabled()).isFalse();
        Path other = Files.writeString(dir.resolve("other.yaml"), "rules: {}\n");
        assertThat(PolicyLoader.load(env, other).rule("eip-idle").enabled()).isTrue();
        assertThatThrownBy(() -> PolicyLoader.load(env, dir.resolve("missing.yaml"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("missing.yaml: no such policy file");
    }
}
