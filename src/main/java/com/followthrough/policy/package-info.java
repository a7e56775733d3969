/**
 * Follow-up policy: per-priority intervals for check-ins, escalations and callbacks, whether each counts business or
 * calendar time, and the business calendar (time zone, working hours, holidays) that counts business time.
 */
package com.followthrough.policy;
