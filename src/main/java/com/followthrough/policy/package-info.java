/**
 * Follow-up policy: a case's {@code Priority} and what it decides: the intervals for the first action, check-ins,
 * escalations, verification and callbacks ({@code CasePolicy}; {@code FollowUpDue} is the part the lifecycle asks),
 * whether each counts business or calendar time, the business calendar (time zone, working hours, holidays) that counts
 * business time, and the time zone a person reads times in ({@code ReaderTime}).
 *
 * <p>The bottom of the layering: uses no other module.
 */
@ApplicationModule(displayName = "Policy", allowedDependencies = {})
package com.followthrough.policy;

import org.springframework.modulith.ApplicationModule;
