/** Follow-up policy: per-priority intervals for check-ins, escalations and callbacks. */
package com.followthrough.policy;
