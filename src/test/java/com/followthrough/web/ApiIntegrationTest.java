package com.followthrough.web;

import com.followthrough.EngineTime;
import com.followthrough.TestPeople;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The full application behind a real HTTP port, shared by every API test (one Spring context for all of them): the
 * test people, plus {@link ApiTestPeople} (an administrator and a second accounting member).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestPeople.class, EngineTime.class, ApiTestPeople.class, Api.class, Fixtures.class})
public @interface ApiIntegrationTest {
}
