package com.followthrough.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The customer's own answer, given by an answer link instead of a call, recorded on the case as a callback would be
 * ({@link OutreachSteps#customerAnswered}) and carried out by the engine ({@link CaseFlow}). On a case already closed
 * (the links of a written follow-up arrive after an unreachable case closed) "still a problem" and "call me" open a new
 * case linked to it, for the same owner, so the customer's words are followed through too.
 */
@Service
@Validated
@Transactional
public class CustomerAnswers {

    private final CaseRepository cases;
    private final CaseService service;
    private final CallbackWindows windows;
    private final CaseFlow flow;
    private final Clock clock;
    private final AnswerLinks links;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    CustomerAnswers(CaseRepository cases, CaseService service, CallbackWindows windows, CaseFlow flow, Clock clock,
            AnswerLinks links, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.links = links;
        this.jdbc = jdbc;
        this.cases = cases;
        this.service = service;
        this.windows = windows;
        this.flow = flow;
        this.clock = clock;
    }

    /** What became of an answer: recorded on the case, or a new case linked to the closed one. */
    public record Recorded(String caseNumber, boolean caseWasClosed, String linkedCase) {
    }

    /**
     * The customer's answer by their link: recorded once per link set and outcome ({@code ft_answer}'s unique key, so
     * of two at once one wins), in the transaction that records it on the case. A forged, expired or used link is
     * refused ({@link AnswerLinks.InvalidLinkException}) and changes nothing.
     */
    public Recorded recordByLink(@NotBlank String token, @NotNull @Valid CustomerAnswer answer) {
        AnswerLinks.Link link = links.verify(token);
        if (link.outcome() != answer.outcome()) {
            throw new AnswerLinks.InvalidLinkException(AnswerLinks.InvalidLinkException.Reason.FORGED);
        }
        requireUnused(link);
        try {
            jdbc.sql("""
                            insert into ft_answer (link_set, case_number, outcome, customer_words, satisfaction,
                                window_date, window_from, window_to, answered_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(link.linkSet(), link.caseNumber(), link.outcome().name(), answer.customerWords(),
                            answer.satisfaction(), answer.window() == null ? null : answer.window().date(),
                            answer.window() == null ? null : answer.window().from(),
                            answer.window() == null ? null : answer.window().to(),
                            clock.instant().atOffset(java.time.ZoneOffset.UTC))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw new AnswerLinks.InvalidLinkException(AnswerLinks.InvalidLinkException.Reason.USED);
        }
        return record(link.caseNumber(), answer);
    }

    /** The link's content if it can still be used: for the page that asks the customer (nothing is recorded). */
    @Transactional(readOnly = true)
    public AnswerLinks.Link usable(@NotBlank String token) {
        AnswerLinks.Link link = links.verify(token);
        requireUnused(link);
        return link;
    }

    private void requireUnused(AnswerLinks.Link link) {
        if (jdbc.sql("select count(*) from ft_answer where link_set = ? and outcome = ?")
                .params(link.linkSet(), link.outcome().name()).query(Integer.class).single() > 0) {
            throw new AnswerLinks.InvalidLinkException(AnswerLinks.InvalidLinkException.Reason.USED);
        }
    }

    public Recorded record(@NotBlank String number, @NotNull @Valid CustomerAnswer answer) {
        Instant now = clock.instant();
        Case kase = cases.load(number);
        CallbackWindow window = answer.window() == null ? null
                : windows.check(answer.window(), windows.zoneOf(kase.customer()), "window.", now);
        if (!kase.status().isOpen()) {
            return recordAfterClose(kase, answer, now);
        }
        Instant due = window == null ? null : windows.due(kase, window);
        OutreachSteps.AnswerStep step = kase.customerAnswered(answer, window, due, now);
        cases.save(kase);
        CaseRecord record = kase.snapshot();
        ConcurrentCaseUpdateException.onConflict(number, () -> {
            switch (step) {
                case CLOSE -> flow.customerConfirmed(record);
                case REOPEN -> flow.customerNotResolved(record);
                case WINDOW_CHANGED -> flow.callbackWindowChanged(record);
                case NOTED -> {
                }
            }
        });
        return new Recorded(number, false, null);
    }

    private Recorded recordAfterClose(Case kase, CustomerAnswer answer, Instant now) {
        String linked = null;
        if (answer.outcome() != CustomerAnswer.Outcome.RESOLVED && kase.owner() != null) {
            String words = answer.customerWords() == null || answer.customerWords().isBlank() ? ""
                    : "\n\nIn their words: " + answer.customerWords();
            OpenCase intake = new OpenCase(kase.customer(), kase.priority(),
                    truncate((answer.outcome() == CustomerAnswer.Outcome.CALL_ME ? "Call me back: " : "Still a problem: ")
                            + kase.snapshot().summary(), 200),
                    "The customer answered after " + kase.number() + " closed: "
                            + (answer.outcome() == CustomerAnswer.Outcome.CALL_ME ? "please call me." : "still a problem.")
                            + words,
                    kase.owner(), answer.window());
            linked = service.open(intake, CaseEvent.CUSTOMER, kase).number();
        }
        kase.customerAnsweredAfterClose(answer, linked, now);
        cases.save(kase);
        return new Recorded(kase.number(), true, linked);
    }

    private static String truncate(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
