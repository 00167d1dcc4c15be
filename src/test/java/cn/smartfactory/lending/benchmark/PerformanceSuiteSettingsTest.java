package cn.smartfactory.lending.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The suite's -Dperf.* settings: defaults, and a mistyped value stops the run naming the property. */
class PerformanceSuiteSettingsTest {

    @AfterEach
    void clear() {
        for (String name : new String[] {"perf.loans", "perf.stages", "perf.jmh"}) {
            System.clearProperty(name);
        }
    }

    @Test
    void defaultsRunEveryStage() {
        PerformanceSuite.Settings s = PerformanceSuite.Settings.fromSystemProperties();
        assertThat(s.loans()).isEqualTo(400);
        assertThat(s.tasks()).isEqualTo(100_000);
        assertThat(s.stages()).isEqualTo(PerformanceSuite.Settings.ALL);
        assertThat(s.jmh()).isTrue();
    }

    @Test
    void badValuesAreRefusedByName() {
        System.setProperty("perf.loans", "four hundred");
        assertThatThrownBy(PerformanceSuite.Settings::fromSystemProperties).hasMessageContaining("perf.loans")
                .hasMessageContaining("four hundred");
        System.setProperty("perf.loans", "0");
        assertThatThrownBy(PerformanceSuite.Settings::fromSystemProperties).hasMessageContaining("at least 1");
        System.clearProperty("perf.loans");
        System.setProperty("perf.stages", "postgres,inbxo");
        assertThatThrownBy(PerformanceSuite.Settings::fromSystemProperties).hasMessageContaining("perf.stages")
                .hasMessageContaining("inbxo");
        System.clearProperty("perf.stages");
        System.setProperty("perf.jmh", "yes");
        assertThatThrownBy(PerformanceSuite.Settings::fromSystemProperties).hasMessageContaining("perf.jmh");
    }

    @Test
    void chosenStagesOnly() {
        System.setProperty("perf.stages", "postgres,inbox");
        assertThat(PerformanceSuite.Settings.fromSystemProperties().stages()).containsExactlyInAnyOrder("postgres", "inbox");
    }
}
