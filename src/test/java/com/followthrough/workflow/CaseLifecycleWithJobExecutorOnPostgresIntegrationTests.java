package com.followthrough.workflow;

import com.followthrough.OnPostgres;
import org.springframework.test.annotation.DirtiesContext;

/** Intake to close with the real job executor, on PostgreSQL; closed after the class, its job executor with it. */
@OnPostgres
@DirtiesContext
class CaseLifecycleWithJobExecutorOnPostgresIntegrationTests extends CaseLifecycleWithJobExecutorIntegrationTests {
}
