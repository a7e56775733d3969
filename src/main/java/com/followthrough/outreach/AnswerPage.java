package com.followthrough.outreach;

import com.followthrough.cases.AnswerLinks;
import com.followthrough.cases.AnswerLinks.InvalidLinkException;
import com.followthrough.cases.CallbackWindowRequest;
import com.followthrough.cases.CaseNotFoundException;
import com.followthrough.cases.CustomerAnswer;
import com.followthrough.cases.CustomerAnswers;
import com.followthrough.cases.InvalidCaseInputException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind a customer's answer link: no account, one plain form. Opening the link records nothing (mail scanners
 * open links too); sending the form records the answer on the case as a callback would. A forged, expired or used link
 * gets a page saying so, with a status to match, and reveals nothing about any case.
 */
@Controller
class AnswerPage {

    private final CustomerAnswers answers;
    private final MessageSource messages;

    AnswerPage(CustomerAnswers answers, MessageSource messages) {
        this.answers = answers;
        this.messages = messages;
    }

    /** The page's words ({@code answer.*}), in the language the customer's browser asks for. */
    private String say(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    @GetMapping("/answer/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            return form(model, token, answers.usable(token), null);
        } catch (InvalidLinkException e) {
            return invalid(e, model, response);
        }
    }

    @PostMapping("/answer/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String words,
            @RequestParam(required = false) Integer satisfaction, @RequestParam(required = false) String date,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean consentToShare, Model model, HttpServletResponse response) {
        AnswerLinks.Link link;
        try {
            link = answers.usable(token);
        } catch (InvalidLinkException e) {
            return invalid(e, model, response);
        }
        String given = words == null || words.isBlank() ? null : words.strip();
        Integer score = satisfaction == null || satisfaction < 1 || satisfaction > 5 ? null : satisfaction;
        try {
            CallbackWindowRequest window = link.outcome() == CustomerAnswer.Outcome.CALL_ME ? window(date, from, to)
                    : null;
            // consent is asked only with "resolved" (default no): the customer's words may then become a story
            Boolean consent = link.outcome() == CustomerAnswer.Outcome.RESOLVED ? consentToShare : null;
            answers.recordByLink(token, new CustomerAnswer(link.outcome(), given, score, window, consent));
        } catch (InvalidLinkException e) {
            return invalid(e, model, response);
        } catch (InvalidCaseInputException | ConstraintViolationException | DateTimeParseException e) {
            response.setStatus(400);
            model.addAttribute("words", given);
            model.addAttribute("date", date);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("consentToShare", consentToShare);
            return form(model, token, link, e instanceof InvalidCaseInputException invalid
                    ? messages.getMessage(invalid, LocaleContextHolder.getLocale()) : say("answer.error.window"));
        } catch (CaseNotFoundException e) {
            return invalid(new InvalidLinkException(InvalidLinkException.Reason.FORGED), model, response);
        }
        model.addAttribute("heading", say("answer.thanks"));
        model.addAttribute("message", say("answer.thanks." + link.outcome().name()));
        return "outreach/answer-result";
    }

    private static CallbackWindowRequest window(String date, String from, String to) {
        if (date == null || from == null || to == null || date.isBlank() || from.isBlank() || to.isBlank()) {
            throw new DateTimeParseException("missing", "", 0);
        }
        return new CallbackWindowRequest(LocalDate.parse(date), LocalTime.parse(from), LocalTime.parse(to));
    }

    private String form(Model model, String token, AnswerLinks.Link link, String error) {
        model.addAttribute("token", token);
        model.addAttribute("caseNumber", link.caseNumber());
        model.addAttribute("callMe", link.outcome() == CustomerAnswer.Outcome.CALL_ME);
        model.addAttribute("askConsent", link.outcome() == CustomerAnswer.Outcome.RESOLVED);
        model.addAttribute("error", error);
        model.addAttribute("heading", say("answer.heading." + link.outcome().name()));
        model.addAttribute("button", say("answer.button." + link.outcome().name()));
        return "outreach/answer";
    }

    private String invalid(InvalidLinkException e, Model model, HttpServletResponse response) {
        response.setStatus(switch (e.reason()) {
            case FORGED -> 404;
            case EXPIRED -> 410;
            case USED -> 409;
        });
        model.addAttribute("heading", say("answer.invalid." + e.reason().name()));
        model.addAttribute("message", say("answer.invalid." + e.reason().name() + ".message"));
        return "outreach/answer-result";
    }
}
