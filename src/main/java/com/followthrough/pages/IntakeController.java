package com.followthrough.pages;

import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.IdempotentIntake;
import com.followthrough.cases.InvalidCaseInputException;
import com.followthrough.cases.OpenCase;
import com.followthrough.casework.CaseAccess;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Intake: the agent records the customer and the issue; after submit they land on the new case's page. */
@Controller
class IntakeController {

    private final IdempotentIntake intake;
    private final CaseAccess access;
    private final Validator validator;

    IntakeController(IdempotentIntake intake, CaseAccess access, Validator validator) {
        this.intake = intake;
        this.access = access;
        this.validator = validator;
    }

    @ModelAttribute("channels")
    ContactChannel[] channels() {
        return ContactChannel.values();
    }

    @ModelAttribute("priorities")
    Priority[] priorities() {
        return Priority.values();
    }

    @ModelAttribute("zones")
    java.util.List<String> zones() {
        return CasePage.COMMON_ZONES;
    }

    @GetMapping("/cases/new")
    String form(@AuthenticationPrincipal Caller me, Model model) {
        access.requireIntake(me);
        model.addAttribute("intake", new IntakeForm());
        return "pages/intake";
    }

    @PostMapping("/cases")
    String open(@ModelAttribute("intake") IntakeForm form, BindingResult errors, @AuthenticationPrincipal Caller me,
            HttpServletResponse response, RedirectAttributes flash) {
        access.requireIntake(me);
        OpenCase openCase = form.toOpenCase();
        Violations.check(validator, openCase, errors, IntakeForm.FIELDS);
        if (form.getIntakeKey() == null || !form.getIntakeKey().matches("^[0-9a-f-]{36}$")) {
            form.setIntakeKey(java.util.UUID.randomUUID().toString());
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "pages/intake";
        }
        IdempotentIntake.Result result;
        try {
            String hash = fingerprint(openCase);
            try {
                result = intake.open(openCase, me.id(), form.getIntakeKey(), hash);
            } catch (DuplicateKeyException raced) {
                // The same form was submitted twice at once and the other submit committed first: show its case.
                result = intake.replay(me.id(), form.getIntakeKey(), hash).orElseThrow(() -> raced);
            }
        } catch (InvalidCaseInputException e) {
            String field = IntakeForm.FIELDS.get(e.field());
            Violations.reject(errors, field, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "pages/intake";
        } catch (IdempotentIntake.KeyReusedException e) {
            // The form was submitted, then changed and submitted again: that is a new intake.
            form.setIntakeKey(java.util.UUID.randomUUID().toString());
            errors.reject("intake.resubmitted", "This form was already submitted with other details. Check them and "
                    + "submit again to open another case.");
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "pages/intake";
        }
        flash.addFlashAttribute("message", result.replayed()
                ? "This case was already opened from the same form."
                : "Case " + result.opened().number() + " opened. You own it.");
        return "redirect:/cases/" + result.opened().number();
    }

    /** The intake's fingerprint for the idempotency key: records print all their values, in a fixed order. */
    private static String fingerprint(OpenCase openCase) {
        try {
            byte[] bytes = openCase.toString().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
