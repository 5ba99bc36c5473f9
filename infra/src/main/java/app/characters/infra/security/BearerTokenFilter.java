package app.characters.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a bearer token into the request's {@link Actor}. A missing or dead token leaves the request
 * anonymous; endpoints that need an actor answer 401 themselves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BearerTokenFilter extends OncePerRequestFilter {

    static final String ACTOR = BearerTokenFilter.class.getName() + ".actor";
    private static final String PREFIX = "Bearer ";

    private final Sessions sessions;

    BearerTokenFilter(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String token = header.substring(PREFIX.length()).strip();
            if (!token.isEmpty() && token.length() <= 128) {
                sessions.resolve(token).ifPresent(actor -> request.setAttribute(ACTOR, actor));
            }
        }
        chain.doFilter(request, response);
    }
}
