package com.followthrough.workflow;

import com.followthrough.cases.Directory;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    @Bean
    Clock clock() {
        return new EngineClock();
    }

    /** Users and teams come from one place, the engine's identity service (managed in Camunda Admin). */
    @Bean
    Directory directory(IdentityService identity) {
        return new IdentityDirectory(identity);
    }
}
