package com.followthrough.dashboard;

/** The process engine's open incidents (failed jobs out of retries, ...): implemented where the engine is known. */
public interface EngineIncidents {

    long openIncidents();
}
