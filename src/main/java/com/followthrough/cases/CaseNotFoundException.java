package com.followthrough.cases;

import org.springframework.context.MessageSourceResolvable;

/** No case has this number. */
public class CaseNotFoundException extends RuntimeException implements MessageSourceResolvable {

    private final String caseNumber;

    public CaseNotFoundException(String caseNumber) {
        super("No case has the number " + caseNumber);
        this.caseNumber = caseNumber;
    }

    public String caseNumber() {
        return caseNumber;
    }

    /** The page's words ({@code problem.case.notFound}); the API says {@link #getMessage()}. */
    @Override
    public String[] getCodes() {
        return new String[] {"problem.case.notFound"};
    }

    @Override
    public Object[] getArguments() {
        return new Object[] {caseNumber};
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
