package com.followthrough.cases;

import com.followthrough.policy.WordedException;

/** No case has this number. */
public class CaseNotFoundException extends WordedException {

    private final String caseNumber;

    public CaseNotFoundException(String caseNumber) {
        super("No case has the number " + caseNumber);
        this.caseNumber = caseNumber;
        words("problem.case.notFound", caseNumber);
    }

    public String caseNumber() {
        return caseNumber;
    }
}
