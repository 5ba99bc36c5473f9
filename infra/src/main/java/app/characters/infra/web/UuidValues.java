package app.characters.infra.web;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.propertyeditors.UUIDEditor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;

/**
 * A UUID in a path or a query ({@code /characters/{id}}) is read by Spring's own UUID editor. The conversion service
 * Spring MVC would ask instead finds its converter in a cache keyed by the parameter's type and annotations, and
 * compares the annotations reflectively on every lookup: converting a GET's values took 5.3 % of its request-thread
 * time, 4.1 % with the editor (BENCHMARKS.md, lever 42). Every other value is converted as before; a malformed UUID
 * is refused as before ({@link ProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // the command line runs no MVC
class UuidValues {

    /** Spring Boot's initializer (its conversion service; no validator, none being used) with the UUID editor. */
    @Bean
    ConfigurableWebBindingInitializer uuidEditingBindingInitializer(
            @Qualifier("mvcConversionService") FormattingConversionService conversions) {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(conversions);
        initializer.setPropertyEditorRegistrar(registry -> registry.registerCustomEditor(UUID.class, new UUIDEditor()));
        return initializer;
    }
}
