package com.followthrough.live;

import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import com.followthrough.tasks.TaskList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * What needs the reader now, counted for every page's tab title: their tasks overdue or due today (today on their
 * calendar), as My work's sections count them. Asked for by the page after it loaded and after each change to the
 * reader's work, so a page costs no more to render.
 */
@Component
class NeedsMe {

    private final TaskList tasks;
    private final ReaderTime readerTime;
    private final Clock clock;

    NeedsMe(TaskList tasks, ReaderTime readerTime, Clock clock) {
        this.tasks = tasks;
        this.readerTime = readerTime;
        this.clock = clock;
    }

    long count(Caller reader) {
        Instant now = clock.instant();
        ZoneId zone = readerTime.zoneOf(reader.id());
        Instant tomorrow = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        return tasks.assignedTo(reader.id()).stream().filter(task -> task.due() != null && task.due().isBefore(tomorrow))
                .count();
    }
}
