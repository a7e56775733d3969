package com.followthrough.cases;

/** No case has this number. */
public class CaseNotFoundException extends RuntimeException {

    private final String caseNumber;

    public CaseNotFoundException(String caseNumber) {
        super("No case has the number " + caseNumber);
        this.caseNumber = caseNumber;
    }

    public String caseNumber() {
        return caseNumber;
    }
}
