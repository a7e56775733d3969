/**
 * Tasks: people's task lists (their own and their teams'), claiming and unclaiming, and their JSON API
 * ({@code /api/tasks}). Offers {@code TaskList}, {@code WorkTask} and {@code TaskStep}.
 *
 * <p>Uses cases (the case a task belongs to), policy and security. Its ports: {@code TaskList}, implemented by workflow
 * (the engine's tasks), and {@code CaseVisibility}, answered by casework's access rules.
 */
@ApplicationModule(displayName = "Tasks", allowedDependencies = {"cases", "policy", "security"})
package com.followthrough.tasks;

import org.springframework.modulith.ApplicationModule;
