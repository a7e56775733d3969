package com.followthrough;

import com.followthrough.testing.CaseFixture;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The full application on an in-memory database, job executor off, the test people seeded, GreenMail as SMTP, and
 * {@link CaseFixture} to open cases and move them along.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@Import({TestPeople.class, EngineTime.class, TestMail.class, CaseFixture.class})
public @interface CaseIntegrationTest {
}
