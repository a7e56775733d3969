package com.followthrough.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code followthrough.live.*}.
 *
 * @param pollEvery      how often each node reads the new changes from the database: the delay of a live update
 * @param streamTimeout  how long one event stream stays open; the browser then reconnects, signing in again, so a
 *                       person removed or signed out stops getting updates within this time
 * @param heartbeatEvery how often an idle stream gets a comment, so proxies keep it open and a gone browser is noticed
 * @param keepChanges    how long rows of {@code ft_live_change} are kept before any node deletes them
 */
@ConfigurationProperties("followthrough.live")
record LiveProperties(@DefaultValue("PT1S") Duration pollEvery, @DefaultValue("PT5M") Duration streamTimeout,
        @DefaultValue("PT25S") Duration heartbeatEvery, @DefaultValue("PT1H") Duration keepChanges) {
}
