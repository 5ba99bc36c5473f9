package app.characters.infra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A request's JSON body, read straight from the request with the service's {@link ObjectMapper}. Spring MVC's own
 * reader for {@code @RequestBody} copies every header of the request to find its content type, asks each message
 * converter whether it reads the type, resolves the parameter's generic type and looks for validation annotations
 * (none here), on every request: 12 % of a change's request thread in the twelfth round's profile (BENCHMARKS.md).
 *
 * <p>It takes the {@code @RequestBody} parameters of record types, which are every request body of the API, and reads
 * them as Spring's Jackson converter does: every mapping that takes one consumes {@code application/json}, so the
 * content type was checked when the request was routed; a body in a charset other than Unicode's is decoded from
 * it; a missing body, or JSON that does not make the record, is the same {@link HttpMessageNotReadableException},
 * with the same cause, so {@link ProblemHandler} answers it the same 400.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class JsonBodies {

    /** Puts the resolver before Spring's own, which would take every {@code @RequestBody}. */
    @Bean
    SmartInitializingSingleton jsonBodiesFirst(RequestMappingHandlerAdapter adapter, ObjectMapper json) {
        return () -> {
            List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
            resolvers.add(new Resolver(json));
            resolvers.addAll(adapter.getArgumentResolvers());
            adapter.setArgumentResolvers(resolvers);
        };
    }

    static final class Resolver implements HandlerMethodArgumentResolver {

        /** The charsets Jackson detects by itself; a body in any other is decoded before it reads it. */
        private static final Set<String> UNICODE = Set.of("UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32",
                "UTF-32BE", "UTF-32LE");

        private final ObjectMapper json;
        private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

        Resolver(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().isRecord() && parameter.hasParameterAnnotation(RequestBody.class);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                      WebDataBinderFactory binders) throws IOException {
            HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
            ObjectReader reader = readers.computeIfAbsent(parameter.getParameterType(), json::readerFor);
            try {
                PushbackInputStream body = new PushbackInputStream(request.getInputStream(), 1);
                int first = body.read();
                Object value = null;
                if (first != -1) {
                    body.unread(first);
                    Charset charset = charsetOf(request.getContentType());
                    value = UNICODE.contains(charset.name()) ? reader.readValue((InputStream) body)
                            : reader.readValue(new InputStreamReader(body, charset));
                }
                if (value == null) { // no body, or JSON's null
                    throw new HttpMessageNotReadableException("Required request body is missing: "
                            + parameter.getExecutable().toGenericString(), new ServletServerHttpRequest(request));
                }
                return value;
            } catch (JsonProcessingException e) {
                throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e,
                        new ServletServerHttpRequest(request));
            } catch (IOException e) {
                throw new HttpMessageNotReadableException("I/O error while reading input message", e,
                        new ServletServerHttpRequest(request));
            }
        }

        /** The body's charset, UTF-8 unless its content type names another. */
        private static Charset charsetOf(String contentType) {
            if (contentType == null || contentType.indexOf(';') < 0) {
                return StandardCharsets.UTF_8;
            }
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        }
    }
}
