/**
 * The pages people work in, behind the form login: My work (tasks, team queue, the cases I follow), intake, the case
 * page with the actions allowed now, search and the login page.
 *
 * <p>Uses the same services and access rules as the JSON API: casework ({@code CaseAccess}), cases, tasks, policy and
 * security. Nothing uses pages.
 */
@ApplicationModule(displayName = "Pages", allowedDependencies = {"casework", "cases", "tasks", "policy", "security"})
package com.followthrough.pages;

import org.springframework.modulith.ApplicationModule;
