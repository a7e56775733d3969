package com.followthrough.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}) of our own API. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Followthrough API", version = "v1", description = """
        Customer cases that are seen through to a confirmed callback. Sign in with HTTP Basic (demo users in the
        README), or, for a busy integration, with a personal API token (`Authorization: Bearer ft_…`, made on the page
        "API tokens" or with POST /api/api-tokens), which spares the password hash on every request. Every error is an
        RFC 9457 problem (application/problem+json) with a stable `type`; validation
        errors list the offending fields in `errors`. The story: POST /api/cases (alice), POST
        /api/cases/{number}/hand-off {"team":"accounting"}, paul: GET /api/tasks?scope=team, POST
        /api/tasks/{id}/claim, POST /api/cases/{number}/resolve, alice: POST .../verify {"effective":true}, POST
        .../callback {"outcome":"CONFIRMED"}."""))
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = OpenApiConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "ft_ and 40 letters and digits", description = "A personal API token (security.ApiTokens)")
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerToken";

    /**
     * Every operation of {@code /api/**} that takes HTTP Basic takes a token too (web.SecurityConfiguration): listed as
     * the alternative, so controllers name only Basic.
     */
    @Bean
    OpenApiCustomizer bearerTokensOnTheApi() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperations().forEach(operation -> {
                    var requirements = operation.getSecurity();
                    if (requirements != null && requirements.stream().anyMatch(r -> r.containsKey(BASIC))
                            && requirements.stream().noneMatch(r -> r.containsKey(BEARER))) {
                        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                    }
                });
            }
        });
    }
}
