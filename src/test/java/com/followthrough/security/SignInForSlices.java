package com.followthrough.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What the security configuration needs in a web slice: the real page sessions and their settings. The identity
 * service behind {@link Accounts} is the slice's mock; slice requests sign in with {@link SignedIn}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({PageSessions.class, Accounts.class})
@EnableConfigurationProperties(SignInProperties.class)
public class SignInForSlices {
}
