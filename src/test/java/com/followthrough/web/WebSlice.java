package com.followthrough.web;

import com.followthrough.casework.CaseAccess;
import com.followthrough.pages.Labels;
import com.followthrough.policy.ReaderTime;
import com.followthrough.security.SignInForSlices;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice: the named controllers behind our real security filter chains, JSON settings, filters and error
 * handling (problem details under {@code /api}, error pages elsewhere), without the engine, the database or the
 * services, which the test mocks. For what a request gets wrong before any service is asked: malformed or invalid
 * input, the wrong media type or method, who may reach a path at all. Requests sign in with
 * {@link com.followthrough.security.SignedIn}. Everything the services decide stays in the full-context tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// Requests sign in as a test person (SignedIn): no generated user and password.
@WebMvcTest(excludeAutoConfiguration = UserDetailsServiceAutoConfiguration.class)
@ActiveProfiles("test")
@Import({SecurityConfiguration.class, JsonStrictness.class, SignInForSlices.class, Labels.class,
        WebSlice.SliceClock.class})
// The page layout (pages.PageModel, a controller advice in every slice) reads these, the page templates the labels;
// the identity service is behind the page sessions' re-checks.
@MockitoBean(types = {CaseAccess.class, ReaderTime.class, IdentityService.class})
public @interface WebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};

    @TestConfiguration(proxyBeanMethods = false)
    class SliceClock {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
