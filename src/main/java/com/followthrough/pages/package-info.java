/**
 * The pages people work in, behind the form login: My work (tasks, team queue, the cases I follow), intake, the case
 * page with the actions allowed now, search, the stories and the weekly digest's preview, and the login page.
 *
 * <p>Uses the same services and access rules as the JSON API: casework ({@code CaseAccess}), cases, tasks, policy,
 * security and stories. Nothing uses pages.
 */
@ApplicationModule(displayName = "Pages",
        allowedDependencies = {"casework", "cases", "tasks", "policy", "security", "stories"})
package com.followthrough.pages;

import org.springframework.modulith.ApplicationModule;
