package com.followthrough.pages;

import com.followthrough.cases.ContactReport;
import com.followthrough.cases.HandOffTarget;

/**
 * The fields of an outreach case's first step on the case page, "Contact the customer": whether the owner reached
 * them, their words, and what happens next (settled on the spot, a hand-off, or the outreach's shared hand-off). Its
 * own fields, so a refused submit shows only this form's text and errors; the rules are {@link ContactReport}'s.
 */
public class ContactFields extends FollowUpTimesForm {

    private boolean contactReached;
    private String contactWords;
    private ContactReport.Next contactNext;
    private String contactResolution;
    private String contactTarget;
    private String contactNote;

    /** The API's request; the target only for a hand-off (so a stray choice is no error on another next step). */
    ContactReport contact() {
        HandOffTarget target = contactNext == ContactReport.Next.HAND_OFF ? target(contactTarget) : null;
        return new ContactReport(contactReached, trimmed(contactWords), contactNext, trimmed(contactResolution),
                target, trimmed(contactNote));
    }

    /** {@code team:accounting} or {@code user:paul}, as the target list offers them; null when none was chosen. */
    private static HandOffTarget target(String choice) {
        String team = chosen(choice, "team:");
        String user = chosen(choice, "user:");
        return team != null ? HandOffTarget.team(team) : user != null ? HandOffTarget.colleague(user) : null;
    }

    /**
     * The id a target list's choice names if it is of the kind {@code prefix} ({@code team:} or {@code user:}), else
     * null: the one reading of the lists' values for every form that offers them.
     */
    static String chosen(String choice, String prefix) {
        return choice != null && choice.startsWith(prefix) ? trimmed(choice.substring(prefix.length())) : null;
    }

    public boolean isContactReached() {
        return contactReached;
    }

    public void setContactReached(boolean contactReached) {
        this.contactReached = contactReached;
    }

    public String getContactWords() {
        return contactWords;
    }

    public void setContactWords(String contactWords) {
        this.contactWords = contactWords;
    }

    public ContactReport.Next getContactNext() {
        return contactNext;
    }

    public void setContactNext(ContactReport.Next contactNext) {
        this.contactNext = contactNext;
    }

    public String getContactResolution() {
        return contactResolution;
    }

    public void setContactResolution(String contactResolution) {
        this.contactResolution = contactResolution;
    }

    public String getContactTarget() {
        return contactTarget;
    }

    public void setContactTarget(String contactTarget) {
        this.contactTarget = contactTarget;
    }

    public String getContactNote() {
        return contactNote;
    }

    public void setContactNote(String contactNote) {
        this.contactNote = contactNote;
    }
}
