package org.vigil.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI vigilOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vigil API").version("v1")
                        .description("Trust & Safety and Support operations: intake of reports, flags and inquiries "
                                + "into deduplicated cases, and the work on those cases. Errors are RFC 9457 problem "
                                + "details naming the offending field.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An integration key (scopes intake, read, admin) or a personal access token")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
