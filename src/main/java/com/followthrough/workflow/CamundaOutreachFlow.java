package com.followthrough.workflow;

import com.followthrough.outreach.OutreachFlow;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** {@link OutreachFlow} on the engine: the outreach's process, its business key the outreach's key. */
@Component
class CamundaOutreachFlow implements OutreachFlow {

    private final RuntimeService runtime;

    CamundaOutreachFlow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void launched(String key) {
        runtime.startProcessInstanceByKey(OutreachProcess.KEY, key);
    }

    /** The process may not wait for it just now (between two batches): it reads the paused flag before every batch. */
    @Override
    public void resumed(String key) {
        runtime.createMessageCorrelation(OutreachProcess.Messages.RESUMED).processInstanceBusinessKey(key)
                .correlateAllWithResult();
    }

    @Override
    public void withdrawn(String key) {
        runtime.createMessageCorrelation(OutreachProcess.Messages.WITHDRAWN).processInstanceBusinessKey(key)
                .correlateAllWithResult();
    }

    @Override
    public void sharedHandOffResolved(String key) {
        runtime.createMessageCorrelation(OutreachProcess.Messages.SHARED_HAND_OFF_RESOLVED)
                .processInstanceBusinessKey(key).correlateAllWithResult();
    }
}
