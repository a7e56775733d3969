package com.followthrough.pages;

import com.followthrough.cases.CaseSummary;
import com.followthrough.cases.CheckIns;
import com.followthrough.policy.Priority;
import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import com.followthrough.tasks.MyWork;
import com.followthrough.tasks.SavedView;
import com.followthrough.tasks.SavedViews;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkItem;
import com.followthrough.tasks.WorkSort;
import com.followthrough.tasks.WorkView;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What My work shows for a view ({@link MyWorkController} handles the requests): the sections, the saved views with
 * their counts, and each followed case's status line in the reader's words ({@code mywork.status.*}).
 */
@Component
class MyWorkModel {

    /** Rows per list unless all are asked for. */
    static final int LIST_LIMIT = 100;

    /** A case the owner follows: with whom it is, its status in one line, and what falls due next. */
    record FollowingLine(CaseSummary kase, String with, String status, String nextFollowUp, List<String> times) {
    }

    /** A saved view in the page's menu, with how many rows it shows now. */
    record ViewChoice(SavedView saved, long count, boolean current) {
    }

    private final MyWork myWork;
    private final SavedViews views;
    private final CheckIns checkIns;
    private final ReaderTime readerTime;
    private final MessageSource messages;
    private final Clock clock;

    MyWorkModel(MyWork myWork, SavedViews views, CheckIns checkIns, ReaderTime readerTime, MessageSource messages,
            Clock clock) {
        this.myWork = myWork;
        this.views = views;
        this.checkIns = checkIns;
        this.readerTime = readerTime;
        this.messages = messages;
        this.clock = clock;
    }

    void fill(Model model, Caller me, WorkView view, SavedView saved, boolean all) {
        Locale locale = LocaleContextHolder.getLocale();
        Instant now = clock.instant();
        WorkTimes times = new WorkTimes(messages, locale, readerTime.zoneOf(me.id()), now);
        MyWork.Lists lists = myWork.of(me);
        WorkSections sections = WorkSections.of(lists, view, times, all ? Integer.MAX_VALUE : LIST_LIMIT);
        model.addAttribute("view", view);
        model.addAttribute("saved", saved);
        model.addAttribute("sections", sections);
        model.addAttribute("workTimes", times);
        model.addAttribute("all", all);
        model.addAttribute("selfUrl", selfUrl(view, saved, all));
        model.addAttribute("views", views.of(me.id()).stream()
                .map(choice -> new ViewChoice(choice, lists.count(choice.view()),
                        saved != null && saved.id() == choice.id())).toList());
        model.addAttribute("everythingCount", lists.count(WorkView.EVERYTHING));
        model.addAttribute("steps", TaskStep.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("sorts", WorkSort.values());
        model.addAttribute("teams", me.groups().stream().filter(group -> !Set.of(Caller.AGENTS, Caller.SUPERVISORS,
                Caller.ADMINS, Caller.CAMUNDA_ADMINS).contains(group)).sorted().toList());
        Set<String> numbers = new HashSet<>();
        lists.owned().forEach(kase -> numbers.add(kase.number()));
        lists.mine().forEach(item -> numbers.add(item.caseNumber()));
        SaidTimes said = new SaidTimes(checkIns.current(numbers), new ReaderClock(readerTime, me.id(), now, messages),
                readerTime.zoneOf(me.id()), now, messages, locale);
        model.addAttribute("said", said);
        Map<String, FollowingLine> following = sections.following().stream().map(WorkItem::kase)
                .collect(Collectors.toMap(CaseSummary::number, kase -> followingLine(kase, said.of(null, kase), locale),
                        (a, b) -> a));
        model.addAttribute("following", sections.following().stream()
                .map(item -> following.get(item.caseNumber())).toList());
        model.addAttribute("withWhom", sections.waiting().stream().map(WorkItem::kase)
                .collect(Collectors.toMap(CaseSummary::number, kase -> followingLine(kase, said.of(null, kase), locale),
                        (a, b) -> a)));
    }

    /** Where the live update fetches the lists again: this view, as the address shows it. */
    private static String selfUrl(WorkView view, SavedView saved, boolean all) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/my-work");
        if (saved != null) {
            url.queryParam("view", saved.id());
        } else {
            url.queryParamIfPresent("step", Optional.ofNullable(view.step()))
                    .queryParamIfPresent("priority", Optional.ofNullable(view.priority()))
                    .queryParamIfPresent("team", Optional.ofNullable(view.team()))
                    .queryParamIfPresent("customer", Optional.ofNullable(view.customer()));
            if (view.sort() != WorkSort.DUE) {
                url.queryParam("sort", view.sort());
            }
        }
        if (all) {
            url.queryParam("all", true);
        }
        return url.encode().build().toUriString();
    }

    /** "With team accounting, working on it"; what falls due next ("escalates to a supervisor"), if anything. */
    private FollowingLine followingLine(CaseSummary kase, List<String> times, Locale locale) {
        String with = kase.handedOffTo() == null ? messages.getMessage("mywork.with.colleague", null, locale)
                : kase.handedOffTo();
        String status = messages.getMessage("mywork.status." + kase.status().name(), new Object[] {with}, locale);
        String next = messages.getMessage("mywork.next." + kase.status().name(), null,
                messages.getMessage("mywork.next.other", null, locale), locale);
        String holder = kase.handedOffTo() != null ? kase.handedOffTo()
                : messages.getMessage("mywork.with.you", null, locale);
        return new FollowingLine(kase, holder, status, kase.followUpDue() == null ? null : next, times);
    }
}
