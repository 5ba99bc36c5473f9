package app.characters.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A TRACE is answered 405 problem+json here, before any servlet: the servlet's own TRACE handling echoes the request
 * back, its Authorization header included, whatever else answered first. Tomcat would refuse it with an empty 405;
 * {@link TomcatProblems} lets the connector pass it on so that this answer is the contract's problem.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TraceRefusalFilter extends OncePerRequestFilter {

    private static final String ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private final ObjectMapper json;

    TraceRefusalFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"TRACE".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        ProblemDetail problem = ProblemHandler.problemOf(HttpStatus.METHOD_NOT_ALLOWED,
                "Method 'TRACE' is not supported.", request);
        response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
        response.setHeader(HttpHeaders.ALLOW, ALLOWED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
