package com.followthrough.stories;

import com.followthrough.OnPostgres;

/** The seeded week's stories, digest and recognition against the figures computed by hand, on PostgreSQL. */
@OnPostgres
class StoriesScenarioOnPostgresIntegrationTests extends StoriesScenarioIntegrationTests {
}
