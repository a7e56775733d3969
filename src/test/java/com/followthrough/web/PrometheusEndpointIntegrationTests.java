package com.followthrough.web;

import static com.followthrough.TestPeople.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The metrics an existing Prometheus scrapes: administrators (and the scraper's account) only. */
@ApiIntegrationTest
class PrometheusEndpointIntegrationTests {

    @Autowired
    Api api;

    @Test
    void anAdministratorScrapesTheOutboxGaugesInPrometheusFormat() {
        Api.Response scrape = api.as(ApiTestPeople.ADA).get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.body())
                .contains("followthrough_mail_outbox{", "state=\"pending\"", "state=\"failed\"")
                .contains("process_uptime_seconds");
    }

    @Test
    void othersMayNotScrape() {
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.as(ALICE).get("/actuator/prometheus").status()).isEqualTo(403);
    }
}
