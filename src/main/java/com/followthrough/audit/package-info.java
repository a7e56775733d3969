/**
 * The follow-through auditor: a scheduled check, run by one node per interval (ShedLock on the database), that proves
 * nothing is stuck. It finds open cases with nothing pending, cases whose status disagrees with their process's active
 * step, processes without a case and open cases without a process, closed cases without a matching callback outcome,
 * and failed jobs (incidents); keeps them in {@code ft_audit_finding} and reports each once: in {@code
 * /actuator/health} (component {@code followThrough}), as the gauge {@code followthrough.audit.findings{kind}}, on the
 * dashboard ({@link com.followthrough.audit.FollowThroughAuditor#report}) and, through the event {@link
 * com.followthrough.audit.FindingReported}, in one mail to administrators per new finding. It never fixes anything.
 *
 * <p>Offers: {@link com.followthrough.audit.FollowThroughAuditor} (run, report), {@link
 * com.followthrough.audit.FindingReported}, {@link com.followthrough.audit.AuditProperties}. Uses: the engine checks
 * {@code workflow} offers ({@code workflow.ProcessChecks}: what they saw, in workflow's own kinds, which the auditor
 * maps to its {@link com.followthrough.audit.FindingKind}), and the case tables of {@code cases} (read only).
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"cases", "workflow"})
package com.followthrough.audit;

import org.springframework.modulith.ApplicationModule;
