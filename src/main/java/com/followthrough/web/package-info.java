/**
 * Web: what every endpoint and page shares: who may reach which URL (the filter chains), RFC 9457 problem details
 * for every error, the request body cap, OpenAPI.
 *
 * <p>Uses cases, tasks and security (the exceptions it answers as problem details, the page sessions). Depends on the
 * features, never the other way round: nothing uses web.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"cases", "tasks", "security"})
package com.followthrough.web;

import org.springframework.modulith.ApplicationModule;
