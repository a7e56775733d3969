package com.followthrough.policy;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The deployment's business calendar, built (and checked) at start-up from {@code followthrough.calendar}. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkCalendar workCalendar(CalendarProperties properties, ResourceLoader resources, Clock clock) {
        return WorkCalendars.from(properties, resources, clock);
    }

    @Bean
    ReaderTime readerTime(WorkCalendar calendar, ObjectProvider<ReaderTime.UserZones> userZones) {
        return new ReaderTime(calendar.zone(), userZones.getIfAvailable(() -> user -> java.util.Optional.empty()));
    }
}
