package com.followthrough.demo;

import com.followthrough.outreach.NewOutreach;
import com.followthrough.outreach.Outreach;
import com.followthrough.outreach.OutreachService;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's outreach: the eclipse glasses, six customers, a shared refund by accounting, launched by Sam, so the
 * outreach page and the agents' "Contact the customer" tasks have something to show. Only once, on an empty database.
 */
@Component
@Profile("demo")
class DemoOutreach {

    private static final Logger log = LoggerFactory.getLogger(DemoOutreach.class);

    private static final String CUSTOMERS = """
            name,email,phone,preferred_channel,time_zone,order
            Nora North,nora@example.com,,EMAIL,Europe/London,EG-1001
            Omar Ost,omar@example.com,+49 30 1234 5678,PHONE,Europe/Berlin,EG-1002
            Pia Park,pia@example.com,,EMAIL,,EG-1003
            Quinn Quay,,+44 20 7946 0101,PHONE,Europe/London,EG-1004
            Rosa Reed,rosa@example.com,,EMAIL,America/New_York,EG-1005
            Sol Stone,sol@example.com,+1 212 555 0199,SMS,America/New_York,EG-1006
            """;

    private final OutreachService outreaches;
    private final JdbcClient jdbc;

    DemoOutreach(OutreachService outreaches, JdbcClient jdbc) {
        this.outreaches = outreaches;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (jdbc.sql("select count(*) from ft_outreach").query(Long.class).single() > 0) {
            return;
        }
        Caller sam = new Caller("sam", Set.of("supervisors", "agents"));
        Outreach outreach = outreaches.create(new NewOutreach("Uncertified eclipse glasses",
                "The SunSafe eclipse glasses we sold in March are not certified for looking at the sun.",
                "We refund every buyer in full; you keep the glasses, but please do not use them.",
                "Please do not use the SunSafe eclipse glasses. We are refunding you in full; no need to send them back.",
                "agents", Priority.HIGH, false,
                new NewOutreach.SharedHandOffRequest("accounting", "One bulk refund of every order listed")), sam);
        outreaches.attachCsv(outreach.key(), CUSTOMERS.getBytes(StandardCharsets.UTF_8), sam);
        outreaches.launch(outreach.key(), sam);
        log.info("Demo: outreach {} launched for 6 customers", outreach.key());
    }
}
