package com.followthrough.workflow;

import com.followthrough.cases.Directory;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    @Bean
    Clock clock() {
        return new EngineClock();
    }

    /**
     * Users and teams come from one place, the engine's identity service (managed in Camunda Admin); a yes to "is an
     * agent" or "is a team" is kept for {@code followthrough.directory.cache} ({@link IdentityDirectory}).
     */
    @Bean
    Directory directory(IdentityService identity, @Value("${followthrough.directory.cache:PT30S}") Duration cache) {
        return new IdentityDirectory(identity, cache);
    }
}
