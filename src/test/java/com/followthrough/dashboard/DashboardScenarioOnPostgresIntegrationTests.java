package com.followthrough.dashboard;

import com.followthrough.OnPostgres;

/** Every dashboard figure against its hand-computed value, on PostgreSQL (the production database). */
@OnPostgres
class DashboardScenarioOnPostgresIntegrationTests extends DashboardScenarioIntegrationTests {
}
