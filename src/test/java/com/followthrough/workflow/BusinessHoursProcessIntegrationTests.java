package com.followthrough.workflow;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.policy.Priority;
import com.followthrough.policy.WorkCalendar;
import com.followthrough.testing.CaseFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The production policy on the production business calendar (Europe/Berlin, Monday to Friday 09:00-17:00; the test
 * profile adds Whit Monday 2026 and the holidays of {@code calendar/holidays.ics}): NORMAL intervals count business
 * time, URGENT ones calendar time. Timers fire because the test moves the engine clock.
 */
@CaseIntegrationTest
class BusinessHoursProcessIntegrationTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseService cases;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    com.followthrough.cases.CheckIns checkIns;
    @Autowired
    EngineTime time;
    @Autowired
    CaseFixture given;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void fridayHandOff_oneBusinessDayCheckIn_remindsOnMondayAtTheMatchingHour_thenEveryBusinessDay() {
        time.freezeAt(berlin("2026-03-06T16:00"));
        CaseRecord opened = given.handedOffToPaul(Priority.NORMAL);

        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-03-09T16:00"));
        time.advanceTo(berlin("2026-03-09T16:00").minus(SECOND));
        assertThat(checkInTasks(opened)).as("nothing over the weekend").isEmpty();
        time.advance(Duration.ofSeconds(2));
        assertThat(checkInTasks(opened)).singleElement().satisfies(t -> assertThat(t.getAssignee()).isEqualTo(ALICE));

        // The cycle repeats one business day later, at the same hour: Tuesday, and after Friday again Monday.
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-03-10T16:00"));
        for (String day : List.of("2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13")) {
            time.advanceTo(berlin(day + "T16:00").plus(SECOND));
        }
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-03-16T16:00"));
        assertThat(cases.handOffs(opened.number()).get(0).checkInsDue()).isEqualTo(5);
    }

    @Test
    void fridayHandOff_escalationAndTaskDueDate_countBusinessDays() {
        time.freezeAt(berlin("2026-03-06T16:00"));
        CaseRecord opened = given.handedOffToPaul(Priority.NORMAL);

        // escalate after P3D: Monday, Tuesday, Wednesday.
        assertThat(dueOf(opened, "StartEvent_HandOffStalled")).isEqualTo(berlin("2026-03-11T16:00"));
        assertThat(given.task(opened, "Task_WorkHandOff").getDueDate())
                .isEqualTo(Date.from(berlin("2026-03-11T16:00")));
        time.advanceTo(berlin("2026-03-11T16:00").minus(SECOND));
        assertThat(given.tasks(opened, "Task_ReviewStalledHandOff")).isEmpty();
        time.advance(Duration.ofSeconds(2));
        assertThat(given.tasks(opened, "Task_ReviewStalledHandOff")).hasSize(1);
    }

    @Test
    void aHandOffToATeamWithItsOwnCalendar_escalatesOnTheTeamsHours_whileTheOwnersCheckInKeepsTheOwnersCalendar() {
        time.freezeAt(berlin("2026-03-06T16:00"));  // 10:00 in New York, where accounting works (application-test.yml)
        CaseRecord opened = given.open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.team(com.followthrough.TestPeople.ACCOUNTING), null);

        // Three business days in New York: Wednesday 10:00 there, after the US switched to summer time on Sunday.
        Instant wednesdayInNewYork = LocalDateTime.parse("2026-03-11T10:00").atZone(ZoneId.of("America/New_York"))
                .toInstant();
        assertThat(wednesdayInNewYork).isEqualTo(Instant.parse("2026-03-11T14:00:00Z"));
        assertThat(dueOf(opened, "StartEvent_HandOffStalled")).isEqualTo(wednesdayInNewYork);
        assertThat(given.task(opened, "Task_WorkHandOff").getDueDate()).isEqualTo(Date.from(wednesdayInNewYork));

        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-03-09T16:00"));
    }

    @Test
    void aHolidayInBetween_movesTheReminderOnceMore() {
        time.freezeAt(berlin("2026-05-22T16:00"));  // Friday before Whit Monday (followthrough.calendar.holidays)
        CaseRecord opened = given.handedOffToPaul(Priority.NORMAL);

        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-05-26T16:00"));
        time.advanceTo(berlin("2026-05-25T16:00").plus(SECOND));
        assertThat(checkInTasks(opened)).as("not on the holiday").isEmpty();
        time.advanceTo(berlin("2026-05-26T16:00").plus(SECOND));
        assertThat(checkInTasks(opened)).hasSize(1);
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-05-27T16:00"));
    }

    @Test
    void holidaysImportedFromTheIcsFile_moveTheReminderToo() {
        time.freezeAt(berlin("2026-04-02T16:00"));  // Thursday before Good Friday and Easter Monday (holidays.ics)
        CaseRecord opened = given.handedOffToPaul(Priority.NORMAL);

        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-04-07T16:00"));
        time.advanceTo(berlin("2026-04-07T16:00").plus(SECOND));
        assertThat(checkInTasks(opened)).hasSize(1);
    }

    @Test
    void urgentCountsCalendarTime_itsRemindersAreNotMovedOutOfTheNightOrWeekend() {
        time.freezeAt(berlin("2026-03-06T16:00"));
        CaseRecord opened = given.handedOffToPaul(Priority.URGENT);

        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-03-06T17:00"));
        assertThat(dueOf(opened, "StartEvent_HandOffStalled")).isEqualTo(berlin("2026-03-06T20:00"));
        time.advanceTo(berlin("2026-03-06T17:00").plus(SECOND));
        assertThat(checkInTasks(opened)).hasSize(1);
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-03-06T18:00"));
        time.advanceTo(berlin("2026-03-06T20:00").plus(SECOND));
        assertThat(given.tasks(opened, "Task_ReviewStalledHandOff")).hasSize(1);
    }

    @Test
    void callbackDueDate_reminder_escalation_andRetry_countBusinessTime() {
        time.freezeAt(berlin("2026-03-06T16:00"));
        CaseRecord opened = given.handedOffToPaul(Priority.NORMAL);
        cases.resolveHandOff(opened.number(), PAUL, "Refunded");
        cases.verify(opened.number(), ALICE, true, null);

        assertThat(given.task(opened, "Task_CallCustomerBack").getDueDate())
                .isEqualTo(Date.from(berlin("2026-03-09T16:00")));
        assertThat(dueOf(opened, "StartEvent_CallbackDue")).isEqualTo(berlin("2026-03-09T16:00"));
        assertThat(dueOf(opened, "StartEvent_CallbackLate")).isEqualTo(berlin("2026-03-10T16:00"));

        // No answer at 16:00 on Friday: retry after four working hours, one on Friday and three on Monday.
        cases.recordCallback(opened.number(), ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));
        assertThat(dueOf(opened, "TimerEvent_RetryAfter")).isEqualTo(berlin("2026-03-09T12:00"));
        time.advanceTo(berlin("2026-03-09T12:00").plus(SECOND));
        assertThat(given.tasks(opened, "Task_CallCustomerBack")).hasSize(1);
    }

    @Test
    void aCaseOpenedFridayAfternoon_isDueForItsFirstActionOnMonday_andItsOwnerRemindedThen_notOverTheWeekend() {
        time.freezeAt(berlin("2026-03-06T16:00"));
        CaseRecord opened = given.open(Priority.NORMAL);

        // four working hours: one on Friday, three on Monday; escalated after eight: Monday 16:00.
        assertThat(given.task(opened, "Task_WorkCase").getDueDate()).isEqualTo(Date.from(berlin("2026-03-09T12:00")));

        assertThat(dueOf(opened, "StartEvent_FirstActionDue")).isEqualTo(berlin("2026-03-09T12:00"));
        assertThat(dueOf(opened, "StartEvent_CaseNotWorked")).isEqualTo(berlin("2026-03-09T16:00"));
        time.advanceTo(berlin("2026-03-09T16:00").plus(SECOND));
        Task review = given.task(opened, "Task_ReviewUnworkedCase");
        // The review is due four working hours later (Tuesday 12:00), and reminded again then.
        assertThat(review.getDueDate()).isEqualTo(Date.from(berlin("2026-03-10T12:00").plus(SECOND)));
        assertThat(dueOf(opened, "BoundaryEvent_UnworkedCaseUnreviewed")).isEqualTo(berlin("2026-03-10T12:00").plus(SECOND));
    }

    @Test
    void aPromiseForAfterHours_movesTheCheckIn_whileTheEscalationKeepsCountingBusinessDays() {
        time.freezeAt(berlin("2026-03-06T16:00"));
        CaseRecord opened = given.handedOffToPaul(Priority.NORMAL);
        Instant saturday = berlin("2026-03-07T11:00");
        checkIns.record(opened.number(), ALICE, "Paul works on Saturday", "Refund booked on Saturday", saturday);

        // Nobody is reminded on a Saturday: the promise's reminder goes out when the office opens on Monday.
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-03-09T09:00"));
        assertThat(dueOf(opened, "StartEvent_HandOffStalled")).isEqualTo(berlin("2026-03-11T16:00"));
        time.advanceTo(berlin("2026-03-09T09:00").plus(SECOND));
        assertThat(checkInTasks(opened)).hasSize(1);
        assertThat(cases.timeline(opened.number())).extracting(event -> event.type().name()).contains("PROMISE_BROKEN");
        // The rhythm counts on from there: one business day later, Tuesday at the opening.
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(berlin("2026-03-10T09:00"));
    }

    @Test
    void theStandardCalendarsStillWork_besideTheBusinessOnes() {
        time.freezeAt(berlin("2026-03-06T16:00"));
        BusinessCalendarManager calendars = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getBusinessCalendarManager();
        Date now = Date.from(time.now());

        assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("PT1H"))
                .isEqualTo(Date.from(berlin("2026-03-06T17:00")));
        assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("business:PT2H"))
                .isEqualTo(Date.from(berlin("2026-03-09T10:00")));
        assertThat(calendars.getBusinessCalendar("dueDate").resolveDuedate("P1D")).isEqualTo(
                Date.from(time.now().plus(Duration.ofDays(1))));
        assertThat(calendars.getBusinessCalendar("dueDate").resolveDuedate("business:P1D"))
                .isEqualTo(Date.from(berlin("2026-03-09T16:00")));
        assertThat(calendars.getBusinessCalendar("cycle")).isInstanceOf(CycleBusinessCalendar.class);
        assertThat(calendars.getBusinessCalendar("cycle").resolveDuedate("R/PT1H", now))
                .isEqualTo(Date.from(berlin("2026-03-06T17:00")));
        assertThat(calendars.getBusinessCalendar("cycle").resolveDuedate("0 0 9 ? * MON-FRI", now)).as("cron")
                .isAfter(now);
        assertThat(calendar.zone()).isEqualTo(BERLIN);
    }

    // --- helpers

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private Instant dueOf(CaseRecord record, String timerActivity) {
        List<Job> timers = given.timers(record, timerActivity);
        assertThat(timers).as("timer at " + timerActivity).hasSize(1);
        return timers.get(0).getDuedate().toInstant();
    }

    private List<Task> checkInTasks(CaseRecord record) {
        return given.tasks(record, "Task_CheckIn");
    }
}
