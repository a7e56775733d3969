package com.followthrough.browser;

import com.followthrough.EngineTime;
import com.followthrough.TestPeople;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The full application behind a real port for the browser tests; one Spring context shared by all of them. Skipped
 * (and said so) where Chromium is not installed, a failure under CI ({@link ChromiumRequired}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestPeople.class, EngineTime.class})
@ExtendWith(ChromiumRequired.class)
public @interface BrowserTest {
}
