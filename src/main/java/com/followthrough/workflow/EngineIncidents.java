package com.followthrough.workflow;

/**
 * The process engine's open incidents (failed jobs out of retries, ...), for whoever shows operators how the engine
 * does (the dashboard's Operations panel and its gauge): a count, with no engine type in sight.
 */
public interface EngineIncidents {

    long openIncidents();
}
