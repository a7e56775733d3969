package com.followthrough.casework;

import com.followthrough.cases.CallbackWindows;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CheckIns;
import com.followthrough.cases.HandOff;
import com.followthrough.tasks.TaskDueBasis;
import com.followthrough.tasks.TaskList;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The case as the API answers it after every action and on every read: read in one transaction (one view). */
@Component
class CaseViews {

    private final CaseService cases;
    private final TaskList tasks;
    private final CheckIns checkIns;
    private final CallbackWindows windows;
    private final TaskDueBasis dueBasis;
    private final Clock clock;
    private final TransactionTemplate reads;

    CaseViews(CaseService cases, TaskList tasks, CheckIns checkIns, CallbackWindows windows, TaskDueBasis dueBasis,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.cases = cases;
        this.tasks = tasks;
        this.checkIns = checkIns;
        this.windows = windows;
        this.dueBasis = dueBasis;
        this.clock = clock;
        this.reads = new TransactionTemplate(transactionManager);
        reads.setReadOnly(true);
    }

    CaseView of(String number) {
        return reads.execute(status -> viewOf(cases.get(number)));
    }

    CaseView of(CaseRecord record) {
        return reads.execute(status -> viewOf(record));
    }

    /** The case with its hand-off and its reminders, tasks, callback window and links. */
    private CaseView viewOf(CaseRecord record) {
        String number = record.number();
        HandOff open = cases.handOffs(number).stream().filter(HandOff::isOpen).reduce((a, b) -> b).orElse(null);
        return CaseView.of(record, open, checkIns.current(number).orElse(null), windows.of(number).orElse(null),
                tasks.ofCase(number), cases.linkedCases(number), clock.instant(), dueBasis);
    }
}
