package com.followthrough.policy;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The business calendars, built (and checked) at start-up from {@code followthrough.calendar}. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    BusinessCalendars businessCalendars(CalendarProperties properties, ResourceLoader resources, Clock clock) {
        return WorkCalendars.all(properties, resources, clock);
    }

    /** The deployment's calendar. */
    @Bean
    WorkCalendar workCalendar(BusinessCalendars calendars) {
        return calendars.standard();
    }

    @Bean
    ReaderTime readerTime(WorkCalendar calendar, ObjectProvider<ReaderTime.UserZones> userZones) {
        return new ReaderTime(calendar.zone(), userZones.getIfAvailable(() -> user -> Optional.empty()));
    }
}
