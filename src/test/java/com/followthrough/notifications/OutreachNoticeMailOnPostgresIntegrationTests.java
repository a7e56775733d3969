package com.followthrough.notifications;

import com.followthrough.OnPostgres;

/** The launch notice (once each, paced, cancelled when withdrawn) and the answer links in mail, on PostgreSQL. */
@OnPostgres
class OutreachNoticeMailOnPostgresIntegrationTests extends OutreachNoticeMailIntegrationTests {
}
