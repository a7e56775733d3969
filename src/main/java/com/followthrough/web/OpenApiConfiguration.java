package com.followthrough.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}) of our own API. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Followthrough API", version = "v1", description = """
        Customer cases that are seen through to a confirmed callback. Sign in with HTTP Basic (demo users in the
        README). Every error is an RFC 9457 problem (application/problem+json) with a stable `type`; validation
        errors list the offending fields in `errors`. The story: POST /api/cases (alice), POST
        /api/cases/{number}/hand-off {"team":"accounting"}, paul: GET /api/tasks?scope=team, POST
        /api/tasks/{id}/claim, POST /api/cases/{number}/resolve, alice: POST .../verify {"effective":true}, POST
        .../callback {"outcome":"CONFIRMED"}."""))
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {
}
