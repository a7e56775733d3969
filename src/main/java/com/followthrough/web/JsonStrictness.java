package com.followthrough.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A request body is exactly one JSON value, each field named once. Without this, {@code {"colleague":"bob",
 * "colleague":"paul"}} handed a case to whichever came last, and {@code {…} {"garbage":true}} was accepted with the
 * garbage ignored; both are now 400 problems ({@link UnreadableBody}). Only Spring's ObjectMapper (our API) is
 * affected: the engine's REST API and the Camunda webapps configure their own.
 */
@Configuration(proxyBeanMethods = false)
class JsonStrictness {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer oneValueEachFieldOnce() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
