package com.followthrough.demo;

/** Fires a case's waiting timer now (demo data only): implemented by {@code workflow}, the package that knows the engine. */
public interface DemoTimers {

    /** Fires the timer waiting at the BPMN element {@code timerId} of the case's process, if one is waiting. */
    void fireNow(String caseNumber, String timerId);
}
