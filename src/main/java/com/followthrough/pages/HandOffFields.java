package com.followthrough.pages;

import com.followthrough.casework.CaseRequests;

/** The hand-off's fields of the case page: the owner's hand-off, and the colleague's resolve, send back and pass on. */
public class HandOffFields extends ContactFields {

    private String handOffTarget;
    private String handOffNote;
    private String resolution;
    private String question;
    private String passOnTarget;
    private String passOnNote;

    CaseRequests.HandOff handOff() {
        return target(handOffTarget, handOffNote);
    }

    CaseRequests.HandOff passOn() {
        return target(passOnTarget, passOnNote);
    }

    CaseRequests.Resolve resolve() {
        return new CaseRequests.Resolve(trimmed(resolution));
    }

    CaseRequests.SendBack sendBack() {
        return new CaseRequests.SendBack(trimmed(question));
    }

    /** {@code team:accounting} or {@code user:paul}, as the target lists offer them; anything else names nobody. */
    private static CaseRequests.HandOff target(String choice, String note) {
        return new CaseRequests.HandOff(chosen(choice, "user:"), chosen(choice, "team:"), trimmed(note));
    }

    public String getHandOffTarget() {
        return handOffTarget;
    }

    public void setHandOffTarget(String handOffTarget) {
        this.handOffTarget = handOffTarget;
    }

    public String getHandOffNote() {
        return handOffNote;
    }

    public void setHandOffNote(String handOffNote) {
        this.handOffNote = handOffNote;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public String getPassOnTarget() {
        return passOnTarget;
    }

    public void setPassOnTarget(String passOnTarget) {
        this.passOnTarget = passOnTarget;
    }

    public String getPassOnNote() {
        return passOnNote;
    }

    public void setPassOnNote(String passOnNote) {
        this.passOnNote = passOnNote;
    }
}
