package app.characters.infra.web;

import app.characters.infra.axon.RandomIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token, else a new
 * one. It goes into the log context (every line logged for the request carries it), into the
 * response header and into every problem+json answer, so a client's report leads to the log lines.
 * Runs first, so that even the filters after it (body limit, bearer token) log and answer with it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    /** A caller's id is taken only if it cannot smuggle anything into a log line or a header. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The id of the request being answered, or null outside a request. */
    public static String current(ServletRequest request) {
        Object id = request == null ? null : request.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : MDC.get(MDC_KEY);
    }

    /** Whether a caller's id may be taken as the request's. */
    static boolean saneId(String offered) {
        return offered != null && SANE.matcher(offered).matches();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // the container's error page (ProblemErrorController) is part of the same request and logs with its id
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        // a change is answered in a dispatch of its own once committed (CharacterController), and logs with its id
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : null;
        if (id == null) {
            String offered = request.getHeader(HEADER);
            id = saneId(offered) ? offered : RandomIds.uuid().toString();
            request.setAttribute(ATTRIBUTE, id);
        }
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
