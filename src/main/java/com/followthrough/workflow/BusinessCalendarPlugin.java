package com.followthrough.workflow;

import com.followthrough.policy.BusinessCalendars;
import com.followthrough.policy.TimerExpressions;
import com.followthrough.policy.TimerExpressions.BusinessTime;
import com.followthrough.policy.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's timers count business time where the policy says so.
 *
 * <p>The engine resolves every timer through three named business calendars: {@code duration} (timeDuration),
 * {@code cycle} (timeCycle, and every repetition of a cycle) and {@code dueDate} (timeDate, task due dates given as
 * text). This plugin registers a subclass of each standard calendar under its standard name. Each one resolves
 * expressions marked {@code business:} ({@code business:P1D}, {@code R/business:P1D}, written by
 * {@link com.followthrough.policy.CasePolicy}) on the {@link WorkCalendar}, and hands everything else to the standard
 * implementation it extends, so plain ISO durations, dates, {@code R/…} cycles and cron cycles behave exactly as
 * before. Replacing the engine's calendar manager drops the standard calendars, hence all three are registered
 * again here; the cycle calendar must stay a {@link CycleBusinessCalendar} because the engine casts to it when it
 * computes a cycle's next repetition.
 *
 * <p>Why a marker in the expression rather than a calendar that always counts business time, or expressions that
 * return ready dates: the policy decides per priority and interval whether business time applies (URGENT counts
 * around the clock), the engine calendar only sees the text, and a repeating timer is recomputed from its stored
 * text at every repetition, long after the expression was evaluated. A date would fix only the first repetition; the
 * marker keeps every repetition, and every timer already in the database, counting the way it was created.
 */
@Component
class BusinessCalendarPlugin extends AbstractProcessEnginePlugin {

    private final BusinessCalendars calendars;

    BusinessCalendarPlugin(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME, new BusinessDurationCalendar(calendars));
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME, new BusinessDueDateCalendar(calendars));
        manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new BusinessCycleCalendar(calendars));
        configuration.setBusinessCalendarManager(manager);
    }

    /** On the timer's team calendar if it names one (and it still exists), else on the deployment's. */
    private static Date resolve(BusinessCalendars calendars, BusinessTime business, Date startDate) {
        return Date.from(calendars.forTeam(business.team()).plus(startOrNow(startDate), business.amount()));
    }

    private static Instant startOrNow(Date start) {
        return (start == null ? ClockUtil.getCurrentTime() : start).toInstant();
    }

    /** timeDuration: {@code business:P1D}; anything else as the standard calendar does. */
    static final class BusinessDurationCalendar extends DurationBusinessCalendar {
        private final BusinessCalendars calendars;

        BusinessDurationCalendar(BusinessCalendars calendars) {
            this.calendars = calendars;
        }

        @Override
        public Date resolveDuedate(String description, Date startDate) {
            Optional<BusinessTime> business = TimerExpressions.businessTime(description);
            return business.isEmpty() ? super.resolveDuedate(description, startDate)
                    : resolve(calendars, business.get(), startDate);
        }
    }

    /** dueDate / timeDate: {@code business:P1D}; dates and plain durations as the standard calendar does. */
    static final class BusinessDueDateCalendar extends DueDateBusinessCalendar {
        private final BusinessCalendars calendars;

        BusinessDueDateCalendar(BusinessCalendars calendars) {
            this.calendars = calendars;
        }

        @Override
        public Date resolveDuedate(String description, Date startDate) {
            Optional<BusinessTime> business = TimerExpressions.businessTime(description);
            return business.isEmpty() ? super.resolveDuedate(description, startDate)
                    : resolve(calendars, business.get(), startDate);
        }
    }

    /**
     * timeCycle: {@code R/business:P1D} (or {@code R/business:team:P1D}), stored by the engine with its start as {@code
     * R/2026-03-06T16:00:00/business:P1D} (local time of the JVM, as the engine writes it). The n-th repetition falls
     * due n business days after the start, so each reminder keeps the hour of the hand-off and skips nights, weekends
     * and holidays.
     */
    static final class BusinessCycleCalendar extends CycleBusinessCalendar {
        /** A safety net: a check-in cycle repeating for longer than this is not a reminder any more. */
        static final int MAX_REPETITIONS = 10_000;
        private final BusinessCalendars calendars;

        BusinessCycleCalendar(BusinessCalendars calendars) {
            this.calendars = calendars;
        }

        @Override
        public Date resolveDuedate(String description, Date startDate, long repeatOffset) {
            if (!TimerExpressions.isBusiness(description)) {
                return super.resolveDuedate(description, startDate, repeatOffset);
            }
            String[] parts = description.split("/");
            if (parts.length < 2 || parts.length > 3 || !parts[0].startsWith("R")) {
                throw new ProcessEngineException("Cannot parse business time cycle '" + description + "'");
            }
            int times = parts[0].length() == 1 ? Integer.MAX_VALUE : Integer.parseInt(parts[0].substring(1));
            BusinessTime business = TimerExpressions.businessTime(parts[parts.length - 1]).orElseThrow(
                    () -> new ProcessEngineException("Cannot parse business time cycle '" + description + "'"));
            Duration period = business.amount();
            WorkCalendar calendar = calendars.forTeam(business.team());
            if (period.isZero()) {
                throw new ProcessEngineException("Business time cycle '" + description + "' has a zero period");
            }
            Instant now = startOrNow(startDate);
            if (parts.length == 2) {
                return Date.from(calendar.plus(now, period));
            }
            Instant cycleStart = parseStart(parts[1], description);
            int limit = Math.min(times, MAX_REPETITIONS);
            for (int n = 1; n <= limit; n++) {
                Instant due = calendar.plus(cycleStart, period.multipliedBy(n));
                if (due.isAfter(now)) {
                    return Date.from(due);
                }
            }
            return null;
        }

        private static Instant parseStart(String text, String description) {
            try {
                return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                throw new ProcessEngineException("Cannot parse the start of business time cycle '" + description + "'",
                        e);
            }
        }
    }
}
