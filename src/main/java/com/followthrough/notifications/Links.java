package com.followthrough.notifications;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links in emails point at {@code followthrough.base-url} (where people reach the application). */
@Component
class Links {

    private final String baseUrl;

    Links(@Value("${followthrough.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String casePage(String number) {
        return page("/cases/" + number);
    }

    /** A page of the application, by its path ("/actuator/health"). */
    String page(String path) {
        return baseUrl + path;
    }

    /** The host of the base URL, the right-hand side of our Message-IDs. */
    String host() {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "followthrough" : host;
    }
}
