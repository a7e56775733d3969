/**
 * Live: the pages update by themselves when something changes for the person reading them. A node learns of changes
 * only through the database, so every node of a cluster sees every change: it polls the case timeline
 * ({@code ft_case_event}, written in the transaction of each step) and {@code ft_live_change} (claims and give-backs of
 * team tasks, which leave no timeline row), and tells each open page, over server-sent events ({@code /live}), that
 * something it shows changed; the page then fetches its lists again (js/live.js).
 *
 * <p>Every signed-in page's tab title counts what needs the reader now ({@code /live/needs-me}, kept current by the
 * page's stream). Uses tasks (the claim events; {@code CaseVisibility}, who may watch a case; the reader's tasks, for
 * that count), policy (the reader's zone: what is due today) and security (who is reading). Nothing uses live.
 */
@ApplicationModule(displayName = "Live", allowedDependencies = {"tasks", "security", "policy"})
package com.followthrough.live;

import org.springframework.modulith.ApplicationModule;
