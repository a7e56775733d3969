package com.followthrough.tasks;

import com.followthrough.security.Caller;

/**
 * Whether a person may see a case at all (implemented by the cases' access rules). A task of a case someone may not
 * see is, for them, a task that does not exist: the answer must not tell whether it does.
 */
public interface CaseVisibility {

    boolean maySee(String caseNumber, Caller caller);
}
