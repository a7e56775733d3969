package com.followthrough.casework;

import com.followthrough.cases.CaseRecord;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the case API answers after an action: the case's view, or, for a client that sent {@code Prefer:
 * return=minimal} (RFC 7240), the status alone ({@code 204 No Content}; an intake {@code 201 Created} with its
 * {@code Location}) and {@code Preference-Applied: return=minimal}. The view is read after the action in a
 * transaction of its own (hand-offs, reminders, the engine's task query, links): about a fifth of the server's work
 * for an intake and a hand-off over HTTP (issue 20's profile), which a busy integration that does not read it
 * need not pay.
 */
@Component
class CaseAnswers {

    static final String PREFER = "Prefer";
    static final String PREFER_DOCUMENTATION = "`return=minimal` (RFC 7240): answer with the status alone (204; an "
            + "intake 201 with `Location`), without the case's view; `Preference-Applied` says so";
    static final String PREFERENCE_APPLIED = "Preference-Applied";
    private static final String MINIMAL = "return=minimal";

    private final CaseViews views;

    CaseAnswers(CaseViews views) {
        this.views = views;
    }

    /** After an action on the case: its view (200), or nothing (204) if the client prefers. */
    ResponseEntity<CaseView> afterAction(String number, String prefer) {
        if (minimal(prefer)) {
            return ResponseEntity.noContent().header(PREFERENCE_APPLIED, MINIMAL).build();
        }
        return ResponseEntity.ok(views.of(number));
    }

    /** After an intake: 201 with the case's location and its view, or without the view if the client prefers. */
    ResponseEntity<CaseView> afterIntake(CaseRecord opened, boolean replayed, String prefer) {
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/cases/" + opened.number()))
                .header("Idempotent-Replayed", String.valueOf(replayed));
        if (minimal(prefer)) {
            return created.header(PREFERENCE_APPLIED, MINIMAL).build();
        }
        return created.body(views.of(opened));
    }

    /**
     * Whether the {@code Prefer} header (one or several, comma-separated; names and values case-insensitive, spaces
     * around {@code =} allowed, a value may be quoted) asks for {@code return=minimal}. Unknown preferences are
     * ignored, as the RFC asks.
     */
    static boolean minimal(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String[] nameAndValue = preference.split(";", 2)[0].split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].strip().equalsIgnoreCase("return")
                    && nameAndValue[1].strip().replace("\"", "").toLowerCase(Locale.ROOT).equals("minimal")) {
                return true;
            }
        }
        return false;
    }
}
