package com.followthrough.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. The JSON API ({@code /api/**}), the engine's REST API, Actuator and the demo's JSON mailbox
 * ({@code /demo/**}, demo profile only; any signed-in user) are stateless HTTP Basic with
 * problem-detail 401/403 and no CSRF (no cookies, nothing for a forged page to ride on). Everything else (pages,
 * Swagger UI, the Camunda webapps) is form login with a session and CSRF protection. Public: the login page and
 * {@code /actuator/health} only. Finer rules (who may act on which case) are checked by the controllers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Served by the engine's own (Jersey) servlet, so matched on the full path, not by Spring MVC's mappings. */
    private static final RequestMatcher ENGINE_REST = path("/engine-rest/**");

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        return http
                .securityMatcher(new OrRequestMatcher(path("/api/**"), ENGINE_REST, path("/actuator/**"),
                        path("/v3/api-docs/**"), path("/demo/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // The engine's REST API can do anything to any process and user: administrators only.
                        .requestMatchers(ENGINE_REST, path("/actuator/**")).hasRole("ADMIN")
                        // The supervisor dashboard's JSON: supervisors and administrators (also checked by dashboard).
                        .requestMatchers(path("/api/dashboard"), path("/api/dashboard/**")).hasAnyRole("SUPERVISOR", "ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        // The login page's own styles and scripts, before anyone is signed in.
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**").permitAll()
                        // Cockpit, Admin and Tasklist can change any process and user behind the lifecycle's back:
                        // administrators only (signed in once, see security.CamundaWebappSignOn).
                        .requestMatchers("/camunda/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // Our login page (pages.LoginPage) instead of Spring's generated one; same fields and URLs.
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(Customizer.withDefaults())
                // The Camunda webapps protect themselves with their own CSRF token and login.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                .build();
    }
}
