package dev.replayharness.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Invocation indexes in test ids")
class TestIdsTest {
    @Test
    @DisplayName("are empty for a plain test")
    void plain() {
        assertThat(TestIds.invocations("[engine:junit-jupiter]/[class:a.B]/[method:m()]"))
                .isEmpty();
    }

    @Test
    @DisplayName("are [n] for a test template invocation")
    void template() {
        assertThat(
                        TestIds.invocations(
                                "[engine:junit-jupiter]/[class:a.B]/[test-template:m(java.lang.String)]/[test-template-invocation:#12]"))
                .isEqualTo("[12]");
    }

    @Test
    @DisplayName("list the outermost template first, e.g. a parameterized class's invocation")
    void nestedTemplates() {
        assertThat(TestIds.invocations("[engine:junit-jupiter]/[class-template:a.B]/[class-template-invocation:#2]"
                        + "/[test-template:m(int)]/[test-template-invocation:#3]"))
                .isEqualTo("[2][3]");
    }

    @Test
    @DisplayName("ignore method parameters that look like segments, which JUnit encodes")
    void encodedValues() {
        assertThat(TestIds.invocations("[engine:junit-jupiter]/[class:a.B]/[method:m(java.lang.String%5B%5D)]"))
                .isEmpty();
    }
}
