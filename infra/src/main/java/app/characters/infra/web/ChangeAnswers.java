package app.characters.infra.web;

import app.characters.kernel.character.CharacterSheet;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A change to a character is answered by the thread that writes its answer, not by a second pass through Spring MVC.
 * A controller method answering later ({@code CompletableFuture<ResponseEntity<CharacterSheet>>}, or of
 * {@code ResponseEntity<Void>}) would have Spring MVC dispatch the request again once the future completes: the
 * filters, the dispatcher, the controller method wrapped anew, the return value handlers and the converters' choice,
 * as much of a request thread's time as the request itself took (BENCHMARKS.md, lever 43). Here the request goes
 * async as it would there, with no timeout (a change that may yet commit is never answered 503), and once the future
 * completes a container thread writes the answer: the entity's status and headers, and the sheet's JSON as
 * {@link SheetJsonConverter} writes it. A failure goes to the same exception handlers as any other request's
 * ({@link ProblemHandler}), so every error answer is the problem+json it was.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ChangeAnswers {

    private static final Logger log = LoggerFactory.getLogger(ChangeAnswers.class);

    /** Puts the handler before Spring's own, which would take any future. */
    @Bean
    SmartInitializingSingleton changeAnswersFirst(RequestMappingHandlerAdapter adapter, SheetJsonConverter sheets,
                                                  @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        return () -> {
            List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
            handlers.add(new Handler(sheets, problems));
            handlers.addAll(adapter.getReturnValueHandlers());
            adapter.setReturnValueHandlers(handlers);
        };
    }

    static final class Handler implements HandlerMethodReturnValueHandler {

        private final SheetJsonConverter sheets;
        private final HandlerExceptionResolver problems;
        private final Map<Method, Boolean> futuresTaken = new ConcurrentHashMap<>();

        Handler(SheetJsonConverter sheets, HandlerExceptionResolver problems) {
            this.sheets = sheets;
            this.problems = problems;
        }

        /** Asked for every request's return value: the generic type of a method's is read once. */
        @Override
        public boolean supportsReturnType(MethodParameter returnType) {
            return returnType.getParameterType() == CompletableFuture.class
                    && futuresTaken.computeIfAbsent(returnType.getMethod(), method -> takes(returnType));
        }

        private static boolean takes(MethodParameter returnType) {
            ResolvableType entity = ResolvableType.forMethodParameter(returnType).getGeneric(0);
            Class<?> body = entity.getGeneric(0).resolve();
            return entity.resolve() == ResponseEntity.class && (body == CharacterSheet.class || body == Void.class);
        }

        @Override
        public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mav,
                                      NativeWebRequest webRequest) {
            mav.setRequestHandled(true);
            HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
            HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
            Answer answer = new Answer(request.startAsync(request, response), request, response,
                    request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE), MDC.getCopyOfContextMap());
            ((CompletableFuture<?>) returnValue).whenComplete(
                    (entity, failure) -> answer.async.start(() -> answer.write(entity, failure)));
        }

        /** One request's answer, written once, unless the client went away first. */
        private final class Answer implements AsyncListener {
            private final AsyncContext async;
            private final HttpServletRequest request;
            private final HttpServletResponse response;
            private final Object handler;
            private final Map<String, String> logContext;
            private final AtomicBoolean done = new AtomicBoolean();

            Answer(AsyncContext async, HttpServletRequest request, HttpServletResponse response, Object handler,
                   Map<String, String> logContext) {
                this.async = async;
                this.request = request;
                this.response = response;
                this.handler = handler;
                this.logContext = logContext;
                async.setTimeout(0);
                async.addListener(this);
            }

            void write(Object entity, Throwable failure) {
                if (!done.compareAndSet(false, true)) {
                    return;
                }
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                try {
                    if (failure == null) {
                        writeEntity((ResponseEntity<?>) entity);
                    } else {
                        writeProblem(failure);
                    }
                } catch (IOException | RuntimeException e) {
                    // the client went away while its answer was written: nothing is left to tell it
                    log.debug("the answer to a change could not be written", e);
                } finally {
                    MDC.clear();
                    async.complete();
                }
            }

            private void writeEntity(ResponseEntity<?> entity) throws IOException {
                byte[] json;
                try {
                    json = entity.getBody() instanceof CharacterSheet sheet ? sheets.render(sheet) : null;
                } catch (IOException | RuntimeException notRendered) {
                    // nothing is written yet: answered as Spring MVC answers a converter's failure, not as a success
                    writeProblem(notRendered);
                    return;
                }
                response.setStatus(entity.getStatusCode().value());
                entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
                if (json != null) {
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setContentLength(json.length);
                    response.getOutputStream().write(json);
                }
            }

            private void writeProblem(Throwable failure) throws IOException {
                if (problems.resolveException(request, response, handler, asException(failure)) == null) {
                    response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR); // answered by the error page
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                if (done.compareAndSet(false, true)) {
                    async.complete();
                }
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                onError(event);
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        }

        /** The failure as Spring MVC hands a failed future's to the exception handlers. */
        private static Exception asException(Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return cause instanceof Exception e ? e : new ServletException("a change failed", cause);
        }
    }
}
