package app.characters.infra.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A request is routed to its controller method once. A change to a character is answered in an async dispatch once
 * its batch has committed (BENCHMARKS.md, lever 40), and Spring MVC would look its method up again among all the
 * mappings for that dispatch: 7 % of a change's request-thread time. The async dispatch of a request takes the
 * method found for it the first time; interceptors, CORS and everything else of the dispatch run as before.
 */
@Configuration(proxyBeanMethods = false)
class RoutedOnce {

    /** The request attribute holding the controller method this mapping found for the request. */
    private static final String FOUND = RoutedOnce.class.getName() + ".found";

    @Bean
    WebMvcRegistrations routedOnceMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mapping();
            }
        };
    }

    static final class Mapping extends RequestMappingHandlerMapping {
        @Override
        protected HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
            if (request.getDispatcherType() == DispatcherType.ASYNC
                    && request.getAttribute(FOUND) instanceof HandlerMethod found) {
                return found;
            }
            HandlerMethod handler = super.getHandlerInternal(request);
            if (handler != null) {
                request.setAttribute(FOUND, handler);
            }
            return handler;
        }
    }
}
