package com.followthrough.notifications;

import com.followthrough.stories.DigestDue;
import com.followthrough.stories.Story;
import com.followthrough.stories.ThanksGiven;
import com.followthrough.stories.ThanksNote;
import com.followthrough.stories.WeeklyDigest;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The facts of the stories' notifications, captured when the thanks is given or the digest is written: only what the
 * stories show (the words of customers who agreed to share them, the people, the numbers), never a customer's name or
 * contact details. Plain values, so they keep in the outbox row as JSON until the sender renders them.
 */
@Component
class StoryFacts {

    record Thanked(String fromName, String toName, String caseNumber, String note, boolean storyShown) {
    }

    /**
     * The week in numbers of all cases ({@code team} null) or a team's, as amounts: the reader's language words them
     * (the label, the rate as a percentage, the median as a span counted on the digest's {@code timeBasis}).
     */
    record Numbers(String team, long confirmed, long closedAfterCallback, Double rate, Long medianSeconds,
            Double satisfaction, long ratings) {
    }

    record Featured(String caseNumber, String before, String after, String customerWords, List<String> people) {
    }

    record Outreach(String title, int customers, int contacted, int confirmed, int stillAProblem, int open) {
    }

    record Own(long casesClosed, long handOffsResolved, long colleaguesHelped, long thanksReceived) {
    }

    Facts thanks(ThanksGiven e) {
        return Facts.withoutCase(e.caseNumber())
                .put("thanks", new Thanked(e.fromName(), null, e.caseNumber(), e.note(), e.storyShown()))
                .at("givenAt", e.givenAt());
    }

    Facts digest(DigestDue due) {
        WeeklyDigest d = due.digest();
        return Facts.withoutCase(null)
                .put("weekOf", d.weekOf().toString())
                .put("timeBasis", d.timeBasis())
                .put("numbers", d.numbers().stream().map(StoryFacts::numbers).toList())
                .put("featured", d.featured().stream().map(StoryFacts::featured).toList())
                .put("thanksGiven", d.thanks().stream().map(StoryFacts::thanked).toList())
                .put("own", new Own(d.own().casesClosed(), d.own().handOffsResolved(), d.own().colleaguesHelped(),
                        d.own().thanksReceived().size()))
                .put("outreaches", d.outreaches().stream().map(o -> new Outreach(o.title(), o.customers(),
                        o.contacted(), o.confirmed(), o.stillAProblem(), o.open())).toList());
    }

    private static Numbers numbers(WeeklyDigest.WeekInNumbers n) {
        return new Numbers(n.team(), n.confirmed(), n.closedAfterCallback(), n.confirmationRate(), n.medianSeconds(),
                n.satisfaction(), n.ratings());
    }

    private static Featured featured(Story s) {
        return new Featured(s.caseNumber(), s.before(), s.after(), s.customerWords(),
                s.people().stream().map(Story.Person::name).toList());
    }

    private static Thanked thanked(ThanksNote t) {
        return new Thanked(t.fromName(), t.toName(), t.caseNumber(), t.note(), false);
    }
}
