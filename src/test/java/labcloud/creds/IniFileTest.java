package labcloud.creds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IniFileTest {
    @Test
    void editsOneSectionAndKeepsEverythingElse() {
        String config = "[default]\nregion=us-east-1\n\n[profile lab]\n# lab's settings\ns3 =\n  max_concurrent_requests = 20\n"
                + "region = eu-west-1\n[profile other]\noutput=json";
        IniFile ini = IniFile.parse(config);
        assertThat(ini.sections()).containsExactly("default", "profile lab", "profile other");
        assertThat(ini.get("profile lab", "region")).contains("eu-west-1");
        // nested sub-settings are not top-level keys
        assertThat(ini.section("profile lab")).containsOnlyKeys("s3", "region");

        ini.set("profile lab", "region", "eu-central-1").set("profile lab", "mfa_serial", "arn:x")
                .set("profile other", "region", "ap-south-1").set("profile new", "region", "us-west-2");
        assertThat(ini.content()).isEqualTo("[default]\nregion=us-east-1\n\n[profile lab]\n# lab's settings\ns3 =\n"
                + "  max_concurrent_requests = 20\nregion = eu-central-1\nmfa_serial = arn:x\n[profile other]\noutput=json\n"
                + "region = ap-south-1\n\n[profile new]\nregion = us-west-2\n");
    }

    @Test
    void removeDropsOnlyThatKeyAndUntouchedFilesRoundTrip() {
        String crlf = "\uFEFF[a]\r\nk = 1\r\naws_session_token = t\r\n\r\n[b]\r\nk = 2\r\n";
        assertThat(IniFile.parse(crlf).content()).isEqualTo(crlf);
        assertThat(IniFile.parse(crlf).hasSection("a")).isTrue();
        assertThat(IniFile.parse(crlf).remove("a", "aws_session_token").set("c", "k", "3").content())
                .isEqualTo("\uFEFF[a]\r\nk = 1\r\n\r\n[b]\r\nk = 2\r\n\r\n[c]\r\nk = 3\r\n");
    }
}
