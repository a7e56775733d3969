package com.followthrough.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.followthrough.security.ApiTokens;
import com.followthrough.security.PageSessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. The JSON API ({@code /api/**}), the engine's REST API, Actuator and the demo's JSON mailbox
 * ({@code /demo/**}, demo profile only; any signed-in user, each sees their own mail) are stateless HTTP Basic with
 * problem-detail 401/403 and no CSRF (no cookies, nothing for a forged page to ride on); {@code /api/**} also takes a
 * personal API token ({@code Authorization: Bearer ft_…}, security.ApiTokens), which browsers never send by themselves.
 * Everything else (pages, Swagger UI, the Camunda webapps) is form login with a session and CSRF protection. Public:
 * the login page and {@code /actuator/health} (its details for administrators only) only. Finer rules (who may act on
 * which case) are checked by the controllers.
 *
 * <p>Headers (README "Security"): pages get a strict Content-Security-Policy ({@link #PAGE_POLICY}: no inline script or
 * style, nothing from other origins, no framing), Swagger UI the same with inline styles allowed, and the Camunda
 * webapps none of ours (they send their own); everything gets
 * {@code Referrer-Policy: same-origin} and a Permissions-Policy that denies device features.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Served by the engine's own (Jersey) servlet, so matched on the full path, not by Spring MVC's mappings. */
    private static final RequestMatcher ENGINE_REST = path("/engine-rest/**");
    private static final RequestMatcher CAMUNDA_WEBAPPS = path("/camunda/**");
    private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(path("/swagger-ui.html"),
            path("/swagger-ui/**"));

    /**
     * The pages' policy: scripts and styles only from our own files (htmx, Chart.js, js/app.js, the dashboard's
     * script), data: only for images (the empty favicon), requests only to ourselves; no plugins, no {@code <base>},
     * forms post only here, no page may frame ours.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI draws with inline styles (its SVG icons, React style attributes): those only, scripts stay strict. */
    static final String SWAGGER_UI_POLICY = PAGE_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    /** JSON and problem details are never a document: nothing may run or load from them, nor frame them. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** Device features no page of ours uses; features Chromium does not know would be console errors. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ApiTokens tokens) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        return http
                .securityMatcher(new OrRequestMatcher(path("/api/**"), ENGINE_REST, path("/actuator/**"),
                        path("/v3/api-docs/**"), path("/demo/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // The engine's REST API can do anything to any process and user: administrators only.
                        .requestMatchers(ENGINE_REST, path("/actuator/**")).hasRole("ADMIN")
                        // Failed sign-ins of anyone, and ending their delays (security.SignInDelaysController).
                        .requestMatchers(path("/api/sign-in-delays"), path("/api/sign-in-delays/**")).hasRole("ADMIN")
                        // The supervisor dashboard's JSON: supervisors and administrators (also checked by dashboard).
                        .requestMatchers(path("/api/dashboard"), path("/api/dashboard/**")).hasAnyRole("SUPERVISOR", "ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                // Personal API tokens (Authorization: Bearer ft_…) for our JSON API only, not for the engine's REST
                // API, Actuator or pages; before HTTP Basic, so a bad token is a 401 without a password sign-in.
                .addFilterBefore(tokens.bearerFilter(path("/api/**"), problems), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> commonHeaders(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, PageSessions sessions) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        // The login page's own styles and scripts, before anyone is signed in.
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**").permitAll()
                        // Customers answer by their signed, expiring link, without an account (outreach.AnswerPage).
                        .requestMatchers("/answer/**").permitAll()
                        // Cockpit, Admin and Tasklist can change any process and user behind the lifecycle's back:
                        // administrators only (signed in once, see security.CamundaWebappSignOn).
                        .requestMatchers("/camunda/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // Our login page (pages.LoginPage) instead of Spring's generated one; same fields and URLs.
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(sessions.successHandler())
                        .failureHandler(sessions.failureHandler()))
                .logout(Customizer.withDefaults())
                // What a page's scripts ask on their own: 401 when signed out, never the page to return to.
                // (The first entry point named is also the fallback: hence the login page's for any other request.)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(BackgroundRequests.signedOut(), BackgroundRequests.MATCHER)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .requestCache(cache -> cache.requestCache(BackgroundRequests.navigationsOnly()))
                // Deleted users, changed passwords and groups, and the absolute lifetime (security.PageSessions);
                // after the CSRF check, so a stale form is sent to the login page rather than refused with 403.
                .addFilterBefore(sessions.freshnessFilter(), AnonymousAuthenticationFilter.class)
                // The Camunda webapps protect themselves with their own CSRF token and login.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**")
                        .csrfTokenRequestHandler(new QueryStringFreeCsrfTokenHandler()))
                .headers(headers -> commonHeaders(headers)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(CAMUNDA_WEBAPPS, SWAGGER_UI)),
                                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY))))
                .build();
    }

    private static HeadersConfigurer<HttpSecurity> commonHeaders(HeadersConfigurer<HttpSecurity> headers) {
        return headers
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }
}
