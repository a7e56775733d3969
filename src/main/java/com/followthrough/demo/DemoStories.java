package com.followthrough.demo;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseService;
import com.followthrough.policy.WorkCalendar;
import com.followthrough.security.Caller;
import com.followthrough.stories.Stories;
import com.followthrough.stories.Thanks;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's stories (profile {@code demo} only): four customers who confirmed at the callback and agreed to share
 * their words, with the owner's before → after; Sam features two, and the people thank Paul (and Paul thanks Alice).
 * Their cases are moved into last week, and what happened around their closing moves with them, so the weekly digest
 * that goes out at the demo's first start tells them.
 */
@Component
@Profile("demo")
class DemoStories {

    /** What one customer said and agreed to share, and whether Sam features it. */
    record Told(String words, int satisfaction, String before, String after, boolean featured, String thanks) {
    }

    static final List<Told> STORIES = List.of(
            new Told("You called me back before I even had time to worry. The double charge is gone and the refund "
                    + "is already on my account.", 5, "Charged twice for invoice 4711, money missing before rent",
                    "Refund on the account within two days, no second call needed", true,
                    "Paul, the refund went out the same evening: the customer noticed. Thank you!"),
            new Told("I had given up on the portal. Now I log in with my new password and see all my invoices.", 5,
                    "Locked out of the customer portal for a week",
                    "Logs in and downloads every invoice herself", true,
                    "Thanks for resetting the account while I had the customer on the phone."),
            new Told("Thank you for checking that it really worked. Nobody ever did that before.", 4,
                    "Direct debit taken ten days too early", "Debit date moved to the 28th, fee refunded", false,
                    "Thanks for fixing the debit date so quickly."),
            new Told("The new parcel came on Saturday, and you even called to make sure it was complete.", 5,
                    "Parcel arrived damaged, a present for her son's birthday",
                    "Replacement delivered before the birthday", false, null));

    private static final Caller SAM = new Caller("sam", Set.of(Caller.SUPERVISORS, Caller.AGENTS));
    private static final Caller PAUL = new Caller("paul", Set.of("accounting"));

    private final CaseService cases;
    private final Stories stories;
    private final Thanks thanks;
    private final Clock clock;
    private final ZoneId zone;

    DemoStories(CaseService cases, Stories stories, Thanks thanks, Clock clock,
            WorkCalendar calendar) {
        this.cases = cases;
        this.stories = stories;
        this.thanks = thanks;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    /** The callback of a case whose hand-off Paul resolved: the customer confirms, agrees to share; then the people. */
    void tell(String number, String owner, Told told) {
        cases.recordCallback(number, owner, new CallbackReport(CallbackOutcome.CONFIRMED, told.words(),
                told.satisfaction(), null).shared(told.before(), told.after()));
        if (told.featured()) {
            stories.feature(number, SAM);
        }
        if (told.thanks() != null) {
            thanks.give(number, new Caller(owner, Set.of(Caller.AGENTS)), "paul", told.thanks());
        }
        if (owner.equals("alice") && told.featured()) {
            thanks.give(number, PAUL, owner, "Thanks for checking in with me every day: it kept the refund on top "
                    + "of my pile.");
        }
    }

    /** How many days back the {@code i}th story's case closes: a weekday of last week (the digest's week). */
    int daysBackIntoLastWeek(int i) {
        DayOfWeek today = clock.instant().atZone(zone).getDayOfWeek();
        // today's weekday number days back is last week's Sunday; two to five more are last week's Friday to Tuesday
        return today.getValue() + 2 + i % 4;
    }
}
