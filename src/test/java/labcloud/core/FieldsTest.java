package labcloud.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {
    /** Printed as JSON, the fields come in the order given, in every run (Map.of's order changes between runs). */
    @Test
    void keepsTheOrderGiven() {
        var m = Fields.of("uploads", List.of(), "applied", false, "zeta", 1, "alpha", null);
        assertThat(m.keySet()).containsExactly("uploads", "applied", "zeta", "alpha");
        assertThat(Json.pretty(m).replaceAll("\\s+", "")).isEqualTo("{\"uploads\":[],\"applied\":false,\"zeta\":1,\"alpha\":null}");
    }

    @Test
    void refusesANameWithoutAValueAndTwiceTheSameName() {
        assertThatThrownBy(() -> Fields.of("a", 1, "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fields.of("a", 1, "a", 2)).hasMessageContaining("duplicate field a");
        assertThatThrownBy(() -> Fields.of("a", null, "a", null)).hasMessageContaining("duplicate field a");
    }
}
