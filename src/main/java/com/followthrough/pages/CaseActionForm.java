package com.followthrough.pages;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.EscalationKind;
import com.followthrough.casework.CaseRequests;
import java.time.ZoneId;

/**
 * What the action forms of the case page type, one field per input. Each action's fields become the request the API
 * takes for it ({@link CaseRequests}, {@link CallbackReport}): its rules and messages check them. Each action has its
 * own fields, so that after a refused submit only its form shows the typed text and the errors.
 */
public class CaseActionForm extends HandOffFields {

    private String firstContactResolution;
    private String firstContactWords;
    private String answer;
    private Boolean effective;
    private String verifyNote;
    private String checkInNote;
    private CallbackOutcome outcome;
    private String customerWords;
    private Integer satisfaction;
    private String newRequest;
    private boolean consentToShare;
    private String before;
    private String after;
    private String newOwner;
    private String reason;
    private EscalationKind kind;
    private String reviewNote;
    private String noteBody;

    CaseRequests.ResolveOnFirstContact resolveOnFirstContact() {
        return new CaseRequests.ResolveOnFirstContact(trimmed(firstContactResolution), trimmed(firstContactWords));
    }

    CaseRequests.Answer answer() {
        return new CaseRequests.Answer(trimmed(answer));
    }

    CaseRequests.Verify verify() {
        return new CaseRequests.Verify(effective, trimmed(verifyNote));
    }

    CaseRequests.CheckIn checkIn(ZoneId reader) {
        return new CaseRequests.CheckIn(trimmed(checkInNote), trimmed(getPromise()), on(getPromisedBy(), reader));
    }

    CallbackReport callbackReport() {
        return new CallbackReport(outcome, trimmed(customerWords), satisfaction, trimmed(newRequest), nextWindow(),
                consentToShare, trimmed(before), trimmed(after));
    }

    CaseRequests.Reassign reassign() {
        return new CaseRequests.Reassign(trimmed(newOwner), trimmed(reason));
    }

    CaseRequests.ReviewEscalation reviewEscalation() {
        return new CaseRequests.ReviewEscalation(kind, trimmed(reviewNote));
    }

    CaseRequests.AddNote addNote() {
        return new CaseRequests.AddNote(trimmed(noteBody));
    }

    public String getFirstContactResolution() {
        return firstContactResolution;
    }

    public void setFirstContactResolution(String firstContactResolution) {
        this.firstContactResolution = firstContactResolution;
    }

    public String getFirstContactWords() {
        return firstContactWords;
    }

    public void setFirstContactWords(String firstContactWords) {
        this.firstContactWords = firstContactWords;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public Boolean getEffective() {
        return effective;
    }

    public void setEffective(Boolean effective) {
        this.effective = effective;
    }

    public String getVerifyNote() {
        return verifyNote;
    }

    public void setVerifyNote(String verifyNote) {
        this.verifyNote = verifyNote;
    }

    public String getCheckInNote() {
        return checkInNote;
    }

    public void setCheckInNote(String checkInNote) {
        this.checkInNote = checkInNote;
    }

    public CallbackOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(CallbackOutcome outcome) {
        this.outcome = outcome;
    }

    public String getCustomerWords() {
        return customerWords;
    }

    public void setCustomerWords(String customerWords) {
        this.customerWords = customerWords;
    }

    public Integer getSatisfaction() {
        return satisfaction;
    }

    public void setSatisfaction(Integer satisfaction) {
        this.satisfaction = satisfaction;
    }

    public String getNewRequest() {
        return newRequest;
    }

    public void setNewRequest(String newRequest) {
        this.newRequest = newRequest;
    }

    public boolean isConsentToShare() {
        return consentToShare;
    }

    public void setConsentToShare(boolean consentToShare) {
        this.consentToShare = consentToShare;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getNewOwner() {
        return newOwner;
    }

    public void setNewOwner(String newOwner) {
        this.newOwner = newOwner;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public EscalationKind getKind() {
        return kind;
    }

    public void setKind(EscalationKind kind) {
        this.kind = kind;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public void setReviewNote(String reviewNote) {
        this.reviewNote = reviewNote;
    }

    public String getNoteBody() {
        return noteBody;
    }

    public void setNoteBody(String noteBody) {
        this.noteBody = noteBody;
    }
}
