package com.followthrough.pages;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The fields of every action form on the case page. Each action has its own fields, so that after a refused submit
 * only its form shows the typed text and the errors; the validation group named after the action checks them. Limits
 * match the columns (and the API's requests).
 */
public class CaseActionForm extends FollowUpTimesForm {

    interface HandOff { }
    interface ResolveOnFirstContact { }
    interface Resolve { }
    interface SendBack { }
    interface Answer { }
    interface PassOn { }
    interface Verify { }
    interface CheckIn { }
    interface Callback { }
    interface Reassign { }
    interface ReviewEscalation { }
    interface AddNote { }

    private static final String TARGET = "^(team|user):\\S+$";
    private static final String CHOOSE = "choose a colleague or a team";

    @NotBlank(groups = HandOff.class, message = CHOOSE)
    @Pattern(regexp = TARGET, groups = HandOff.class, message = CHOOSE)
    private String handOffTarget;
    @Text(max = 10_000, groups = HandOff.class)
    private String handOffNote;

    @NotBlank(groups = ResolveOnFirstContact.class, message = "say what solved it")
    @Text(max = 10_000, groups = ResolveOnFirstContact.class)
    private String firstContactResolution;
    @Text(max = 2_000, groups = ResolveOnFirstContact.class)
    private String firstContactWords;

    @NotBlank(groups = Resolve.class, message = "say what fixed the issue")
    @Text(max = 10_000, groups = Resolve.class)
    private String resolution;

    @NotBlank(groups = SendBack.class, message = "write the question for the owner")
    @Text(max = 10_000, groups = SendBack.class)
    private String question;

    @NotBlank(groups = Answer.class, message = "write your answer")
    @Text(max = 10_000, groups = Answer.class)
    private String answer;

    @NotBlank(groups = PassOn.class, message = CHOOSE)
    @Pattern(regexp = TARGET, groups = PassOn.class, message = CHOOSE)
    private String passOnTarget;
    @Text(max = 10_000, groups = PassOn.class)
    private String passOnNote;

    @NotNull(groups = Verify.class, message = "say whether the fix worked")
    private Boolean effective;
    @Text(max = 10_000, groups = Verify.class)
    private String verifyNote;

    @NotBlank(groups = CheckIn.class, message = "write what your colleague said")
    @Text(max = 10_000, groups = CheckIn.class)
    private String checkInNote;

    // The callback's own rules are CallbackReport's (checked in the controller); these only need to bind.
    private CallbackOutcome outcome;
    private String customerWords;
    private Integer satisfaction;
    private String newRequest;
    private boolean consentToShare;
    private String before;
    private String after;

    @NotBlank(groups = Reassign.class, message = "choose the new owner")
    @Text(max = 64, groups = Reassign.class)
    private String newOwner;
    @Text(max = 10_000, groups = Reassign.class)
    private String reason;

    @NotNull(groups = ReviewEscalation.class, message = "choose the escalation")
    private EscalationKind kind;
    @Text(max = 10_000, groups = ReviewEscalation.class)
    private String reviewNote;

    @NotBlank(groups = AddNote.class, message = "write the note")
    @Text(max = 10_000, groups = AddNote.class)
    private String noteBody;

    CallbackReport callbackReport() {
        return new CallbackReport(outcome, trimmed(customerWords), satisfaction, trimmed(newRequest), nextWindow(),
                consentToShare, trimmed(before), trimmed(after));
    }

    /** {@code team:accounting} or {@code user:paul}, as the target lists offer them. */
    static HandOffTarget target(String choice) {
        String id = choice.substring(choice.indexOf(':') + 1).strip();
        return choice.startsWith("team:") ? HandOffTarget.team(id) : HandOffTarget.colleague(id);
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
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
