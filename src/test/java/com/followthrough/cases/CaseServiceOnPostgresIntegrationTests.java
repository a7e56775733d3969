package com.followthrough.cases;

import com.followthrough.OnPostgres;

/** Refused moves, validation and concurrent actions, on PostgreSQL (row locks behave differently from H2). */
@OnPostgres
class CaseServiceOnPostgresIntegrationTests extends CaseServiceIntegrationTests {
}
