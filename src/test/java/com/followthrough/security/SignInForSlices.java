package com.followthrough.security;

import java.time.Clock;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the security configuration needs in a web slice: the real page sessions and their settings. The identity
 * service behind {@link Accounts} is the slice's mock; slice requests sign in with {@link SignedIn}. A slice has no
 * database, so its API tokens read a mock one that no slice request reaches (they send no {@code Bearer} header);
 * {@code ApiTokenIntegrationTests} tests the real ones.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({PageSessions.class, Accounts.class})
@EnableConfigurationProperties(SignInProperties.class)
public class SignInForSlices {

    @Bean
    ApiTokens apiTokens(Accounts accounts) {
        return new ApiTokens(Mockito.mock(JdbcClient.class), accounts, Clock.systemUTC());
    }
}
