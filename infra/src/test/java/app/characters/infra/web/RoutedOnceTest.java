package app.characters.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;

class RoutedOnceTest {

    @RestController
    static class Greetings {
        @GetMapping("/greetings/{name}")
        String greet(String name) {
            return "hello " + name;
        }
    }

    private final RoutedOnce.Mapping mapping = new RoutedOnce.Mapping();

    @BeforeEach
    void mapTheController() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("greetings", Greetings.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
    }

    @Test
    void anAsyncDispatchTakesTheMethodFoundForItsRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/greetings/ann");
        HandlerExecutionChain first = mapping.getHandler(request);
        assertThat(first).isNotNull();

        // a path no mapping matches: found only if the dispatch does not look the method up again
        request.setRequestURI("/elsewhere");
        request.setDispatcherType(DispatcherType.ASYNC);
        HandlerExecutionChain again = mapping.getHandler(request);

        assertThat(again).isNotNull();
        assertThat(((HandlerMethod) again.getHandler()).getMethod())
                .isEqualTo(((HandlerMethod) first.getHandler()).getMethod());
    }

    @Test
    void aNewRequestIsLookedUpAsUsual() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/greetings/ann");
        mapping.getHandler(request);

        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/elsewhere");
        assertThat(mapping.getHandler(other)).isNull();
        other.setDispatcherType(DispatcherType.ASYNC);
        assertThat(mapping.getHandler(other)).isNull();
    }
}
