/**
 * Security: sign-in against the engine's identity service, the signed-in person ({@code Caller}: id, teams, roles),
 * page sessions that follow the person, sign-in delays, a person's time zone (answering policy's {@code
 * ReaderTime.UserZones}) and language ({@code UserLanguages}), personal API tokens for integrations ({@code ApiTokens}:
 * Bearer sign-in to {@code /api/**}),
 * single sign-on for the Camunda webapps and the demo accounts.
 *
 * <p>Uses policy. One of the few places besides workflow that imports {@code org.camunda} (the identity service).
 */
@ApplicationModule(displayName = "Security", allowedDependencies = "policy")
package com.followthrough.security;

import org.springframework.modulith.ApplicationModule;
