package com.followthrough.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The count of open engine incidents (failed jobs out of retries, ...), from the engine's runtime. */
@Component
class CamundaIncidents implements EngineIncidents {

    private final RuntimeService runtime;

    CamundaIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public long openIncidents() {
        return runtime.createIncidentQuery().count();
    }
}
