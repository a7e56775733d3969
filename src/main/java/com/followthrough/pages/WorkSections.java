package com.followthrough.pages;

import com.followthrough.tasks.MyWork;
import com.followthrough.tasks.WorkItem;
import com.followthrough.tasks.WorkView;
import java.util.ArrayList;
import java.util.List;

/**
 * My work's sections for one view: my tasks by urgency (overdue, due today on the reader's calendar, later), the
 * hand-offs I own that wait on a colleague, my teams' unclaimed tasks, and all my open cases.
 *
 * @param needsMe      what needs me now, for the tab's title: my tasks overdue or due today in this view
 * @param shownPerList at most this many rows per list (the ones due first), unless all are asked for
 */
record WorkSections(List<WorkItem> overdue, List<WorkItem> today, List<WorkItem> later, int mineTotal, int needsMe,
        List<WorkItem> waiting, int waitingTotal, List<WorkItem> offered, int offeredTotal, List<WorkItem> following,
        int followingTotal, int shownPerList) {

    static WorkSections of(MyWork.Lists lists, WorkView view, WorkTimes times, int limit) {
        List<WorkItem> overdue = new ArrayList<>();
        List<WorkItem> today = new ArrayList<>();
        List<WorkItem> later = new ArrayList<>();
        List<WorkItem> mine = lists.mine().stream().filter(view::shows).toList();
        // The limit takes the most urgent first: overdue, then due today, then the rest, each in the view's order.
        List<WorkItem> urgentFirst = new ArrayList<>();
        mine.stream().filter(item -> times.isOverdue(item.due())).sorted(view.order()).forEach(urgentFirst::add);
        mine.stream().filter(item -> times.isDueToday(item.due())).sorted(view.order()).forEach(urgentFirst::add);
        mine.stream().filter(item -> !times.isOverdue(item.due()) && !times.isDueToday(item.due()))
                .sorted(view.order()).forEach(urgentFirst::add);
        for (WorkItem item : urgentFirst.subList(0, Math.min(limit, urgentFirst.size()))) {
            (times.isOverdue(item.due()) ? overdue : times.isDueToday(item.due()) ? today : later).add(item);
        }
        List<WorkItem> waiting = lists.waiting().stream().filter(item -> view.showsCase(item.kase()))
                .sorted(view.order()).toList();
        List<WorkItem> offered = lists.offered().stream().filter(view::shows).sorted(view.order()).toList();
        List<WorkItem> following = lists.owned().stream().filter(view::showsCase).map(WorkItem::ofCase).toList();
        int needsMe = (int) mine.stream().filter(item -> times.isOverdue(item.due()) || times.isDueToday(item.due()))
                .count();
        return new WorkSections(overdue, today, later, mine.size(), needsMe, limited(waiting, limit), waiting.size(),
                limited(offered, limit), offered.size(), limited(following, limit), following.size(), limit);
    }

    public boolean isEmpty() {
        return mineTotal == 0 && waitingTotal == 0 && offeredTotal == 0 && followingTotal == 0;
    }

    private static List<WorkItem> limited(List<WorkItem> items, int limit) {
        return items.subList(0, Math.min(limit, items.size()));
    }
}
