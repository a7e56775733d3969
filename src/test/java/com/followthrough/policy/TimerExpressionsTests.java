package com.followthrough.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimerExpressionsTests {

    @Test
    void calendarTime_isPlainIso_whichTheStandardEngineCalendarsRead() {
        assertThat(TimerExpressions.duration(Duration.ofHours(4), TimeBasis.CALENDAR)).isEqualTo("PT4H");
        assertThat(TimerExpressions.cycle(Duration.ofDays(1), TimeBasis.CALENDAR)).isEqualTo("R/PT24H");
        assertThat(TimerExpressions.isBusiness("R/PT24H")).isFalse();
        assertThat(TimerExpressions.businessDuration("PT4H")).isEmpty();
    }

    @Test
    void businessTime_isMarked_andWholeDaysAreWrittenAsDays() {
        assertThat(TimerExpressions.duration(Duration.ofDays(1), TimeBasis.BUSINESS)).isEqualTo("business:P1D");
        assertThat(TimerExpressions.duration(Duration.ofHours(28), TimeBasis.BUSINESS)).isEqualTo("business:P1DT4H");
        assertThat(TimerExpressions.duration(Duration.ofMinutes(90), TimeBasis.BUSINESS)).isEqualTo("business:PT1H30M");
        assertThat(TimerExpressions.cycle(Duration.ofDays(1), TimeBasis.BUSINESS)).isEqualTo("R/business:P1D");
        assertThat(TimerExpressions.isBusiness("R/2026-03-06T16:00:00/business:P1D")).isTrue();
        assertThat(TimerExpressions.businessDuration("business:P1DT4H")).contains(Duration.ofHours(28));
    }

    @Test
    void aTeamsOwnCalendar_isNamedInTheExpression() {
        assertThat(TimerExpressions.duration(Duration.ofDays(3), TimeBasis.BUSINESS, "accounting"))
                .isEqualTo("business:accounting:P3D");
        assertThat(TimerExpressions.duration(Duration.ofDays(3), TimeBasis.CALENDAR, "accounting")).isEqualTo("PT72H");
        assertThat(TimerExpressions.businessTime("business:accounting:P3D"))
                .contains(new TimerExpressions.BusinessTime("accounting", Duration.ofDays(3)));
        assertThat(TimerExpressions.businessTime("business:P3D"))
                .contains(new TimerExpressions.BusinessTime(null, Duration.ofDays(3)));
    }

    @Test
    void aBrokenBusinessDuration_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimerExpressions.businessDuration("business:tomorrow"))
                .withMessageContaining("business:tomorrow");
    }
}
