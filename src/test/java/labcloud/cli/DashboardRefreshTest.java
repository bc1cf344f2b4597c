package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import labcloud.core.UsageException;
import org.junit.jupiter.api.Test;

/** dashboard --refresh: TimeArgs' durations, plus 'off' and a 10s minimum. */
class DashboardRefreshTest {
    @Test
    void readsDurationsLikeTrailAndAudit() {
        assertThat(DashboardRunner.parseRefresh("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DashboardRunner.parseRefresh("1H")).isEqualTo(Duration.ofHours(1));
        assertThat(DashboardRunner.parseRefresh("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DashboardRunner.parseRefresh("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DashboardRunner.parseRefresh("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DashboardRunner.parseRefresh("1w")).isEqualTo(Duration.ofDays(7));
        assertThat(DashboardRunner.parseRefresh(" 999999d ")).isEqualTo(Duration.ofDays(999_999));
    }

    @Test
    void offOrZeroTurnsTheScheduleOff() {
        assertThat(DashboardRunner.parseRefresh("off")).isNull();
        assertThat(DashboardRunner.parseRefresh("OFF")).isNull();
        assertThat(DashboardRunner.parseRefresh("0")).isNull();
    }

    @Test
    void badValuesKeepTheirOwnMessage() {
        for (String bad : List.of("5x", "", "15", "m", "-5m", "never", "1000000d", "99999999999999999999s")) {
            assertThatThrownBy(() -> DashboardRunner.parseRefresh(bad)).as(bad).isInstanceOf(UsageException.class)
                    .hasMessage("--refresh: expected a duration such as 15m, 1h or 90s, or 'off', not '" + bad + "'");
        }
        assertThatThrownBy(() -> DashboardRunner.parseRefresh("5s")).isInstanceOf(UsageException.class)
                .hasMessage("--refresh: at least 10s, not '5s'");
        assertThatThrownBy(() -> DashboardRunner.parseRefresh("0s")).hasMessage("--refresh: at least 10s, not '0s'");
    }
}
