package com.followthrough.security;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One sign-in for everything: Cockpit, Admin and Tasklist take the user Spring Security signed in (the form login of
 * the pages) instead of asking again. Camunda's container-based authentication reads
 * {@code request.getUserPrincipal()}, which Spring Security fills with the {@link Caller} (its name is the user id);
 * the webapp then reads the user's groups from the identity service itself. Who may open the webapps at all is
 * decided by the filter chain (administrators only, web.SecurityConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ContainerBasedAuthenticationFilter.class)
class CamundaWebappSignOn {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSignOnFilter() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(
                "authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // After Spring Security's filter chain, which has signed the user in (or turned the request away).
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
