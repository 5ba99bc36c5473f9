package app.characters.infra.web;

import app.characters.infra.axon.RandomIds;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Some requests Tomcat refuses before any servlet runs: an encoded slash, backslash or NUL in the
 * path, a path that is not UTF-8, headers too large. Its own error page is HTML; this valve answers
 * those with a problem+json like every other refusal. Errors the service answers itself are left alone.
 *
 * <p>Tomcat would also answer a TRACE itself, with an empty 405; the connector lets it through instead, to
 * {@link TraceRefusalFilter}, which answers the 405 as a problem before any servlet could echo the request.
 */
@Component
class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // runs after Spring Boot's customizer, which may have added a plain ErrorReportValve to the host
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    /**
     * Tomcat's error report, as an RFC 9457 problem like the service's own: its path as {@code instance} when that is
     * plain percent-encoded ASCII (the path as sent, never decoded), and a request id, since the filter that gives
     * one never ran.
     */
    public static final class ProblemReportValve extends ErrorReportValve {

        /** What may be echoed into JSON and a header as it is: printable ASCII but quotes and backslashes. */
        private static final Pattern PLAIN = Pattern.compile("[!#-\\[\\]-~]{1,2000}");

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status < 500 ? "the request could not be read" : "the service failed to handle the request";
            String path = request.getCoyoteRequest().requestURI().toString();
            String requestId = requestId(request);
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.setHeader(RequestIdFilter.HEADER, requestId);
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\""
                            + (path != null && PLAIN.matcher(path).matches() ? ",\"instance\":\"" + path + "\"" : "")
                            + ",\"requestId\":\"" + requestId + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException tooLate) {
                // the connection is gone or the answer already started: nothing more can be said
            }
        }

        /** The id the request was given if it got as far as the filter, else the caller's if sane, else a new one. */
        private static String requestId(Request request) {
            String known = RequestIdFilter.current(request.getRequest());
            if (known != null) {
                return known;
            }
            String offered = request.getCoyoteRequest().getHeader(RequestIdFilter.HEADER);
            return RequestIdFilter.saneId(offered) ? offered : RandomIds.uuid().toString();
        }
    }
}
