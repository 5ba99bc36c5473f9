package app.characters.infra.web;

import app.characters.infra.security.Actor;
import app.characters.infra.security.Viewer;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API as OpenAPI at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. Who calls comes
 * from the bearer token, not from a parameter: {@link Actor} and {@link Viewer} are left out of the
 * parameters, and an operation that takes an Actor needs the {@code bearer} scheme, one that takes a
 * Viewer accepts it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class, Viewer.class);
    }

    @Bean
    OpenAPI characterServiceApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("Character service")
                        .description("Event-sourced persistence for role-playing-game characters. "
                                + "Errors are application/problem+json (RFC 9457) and carry a requestId.")
                        .version(properties == null ? "dev" : properties.getVersion()))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("The token of POST /api/v1/sessions")));
    }

    @Bean
    OperationCustomizer bearerWhereAnActorIsNeeded() {
        return (operation, handler) -> {
            boolean needsActor = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == Actor.class);
            boolean takesViewer = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == Viewer.class);
            if (needsActor) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            } else if (takesViewer) {
                // anonymous or signed in: the empty requirement makes the token optional
                operation.addSecurityItem(new SecurityRequirement());
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            }
            return operation;
        };
    }
}
