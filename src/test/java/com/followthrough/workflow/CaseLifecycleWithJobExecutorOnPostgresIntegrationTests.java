package com.followthrough.workflow;

import com.followthrough.OnPostgres;

/** Intake to close with the real job executor, on PostgreSQL. */
@OnPostgres
class CaseLifecycleWithJobExecutorOnPostgresIntegrationTests extends CaseLifecycleWithJobExecutorIntegrationTests {
}
