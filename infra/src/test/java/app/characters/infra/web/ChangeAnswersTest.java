package app.characters.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.CharacterStatus;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Visibility;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.AsyncEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

class ChangeAnswersTest {

    @SuppressWarnings("unused") // their return types are what the handler is asked about
    static class Answers {
        CompletableFuture<ResponseEntity<CharacterSheet>> change() {
            return null;
        }

        CompletableFuture<ResponseEntity<Void>> retire() {
            return null;
        }

        CompletableFuture<ResponseEntity<String>> other() {
            return null;
        }

        CompletableFuture<CharacterSheet> bare() {
            return null;
        }

        ResponseEntity<CharacterSheet> now() {
            return null;
        }
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final AtomicReference<Exception> handled = new AtomicReference<>();
    private final HandlerExceptionResolver problems = (request, response, handler, e) -> {
        handled.set(e);
        response.setStatus(409);
        return new ModelAndView();
    };
    private final ChangeAnswers.Handler handler = new ChangeAnswers.Handler(new SheetJsonConverter(json), problems);
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/characters/x/experience");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    private static MethodParameter returnOf(String method) throws NoSuchMethodException {
        return new MethodParameter(Answers.class.getDeclaredMethod(method), -1);
    }

    private void answer(CompletableFuture<?> future) throws Exception {
        request.setAsyncSupported(true);
        ModelAndViewContainer mav = new ModelAndViewContainer();
        handler.handleReturnValue(future, returnOf("change"), mav, new ServletWebRequest(request, response));
        assertThat(mav.isRequestHandled()).isTrue();
    }

    private static CharacterSheet sheet(long version) {
        Attributes attributes = new Attributes(10, 10, 10, 10, 10, 10);
        return new CharacterSheet(UUID.randomUUID(), UUID.randomUUID(), "Ada", Race.values()[0],
                CharacterClass.values()[0], attributes, null, 0, 1, Visibility.PRIVATE, CharacterStatus.ACTIVE,
                List.of(), List.of(), null, version, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void takesOnlyFuturesOfASheetOrOfNothing() throws Exception {
        assertThat(handler.supportsReturnType(returnOf("change"))).isTrue();
        assertThat(handler.supportsReturnType(returnOf("retire"))).isTrue();
        assertThat(handler.supportsReturnType(returnOf("other"))).isFalse();
        assertThat(handler.supportsReturnType(returnOf("bare"))).isFalse();
        assertThat(handler.supportsReturnType(returnOf("now"))).isFalse();
    }

    @Test
    void aChangeIsAnsweredOnceCommittedWithoutASecondDispatch() throws Exception {
        CompletableFuture<ResponseEntity<CharacterSheet>> committed = new CompletableFuture<>();
        answer(committed);
        assertThat(request.isAsyncStarted()).isTrue();
        MockAsyncContext async = (MockAsyncContext) request.getAsyncContext();
        assertThat(async.getTimeout()).isZero(); // never answered 503 while it may yet commit
        assertThat(response.isCommitted()).isFalse();

        CharacterSheet sheet = sheet(3);
        committed.complete(ResponseEntity.ok().eTag("\"3\"").body(sheet));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("ETag")).isEqualTo("\"3\"");
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentAsByteArray()).isEqualTo(json.writeValueAsBytes(sheet));
        assertThat(response.getContentLength()).isEqualTo(json.writeValueAsBytes(sheet).length);
        assertThat(async.getDispatchedPath()).isNull();
        assertThat(request.isAsyncStarted()).isFalse(); // completed
    }

    @Test
    void anAnswerWithoutABodyHasItsStatusOnly() throws Exception {
        answer(CompletableFuture.completedFuture(ResponseEntity.noContent().build()));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(request.isAsyncStarted()).isFalse();
    }

    @Test
    void aFailedChangeIsAnsweredByTheExceptionHandlersWithItsCause() throws Exception {
        CompletableFuture<ResponseEntity<CharacterSheet>> refused = new CompletableFuture<>();
        answer(refused);
        IllegalArgumentException cause = new IllegalArgumentException("no");

        refused.completeExceptionally(new CompletionException(cause));

        assertThat(handled.get()).isSameAs(cause);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((MockAsyncContext) request.getAsyncContext()).getDispatchedPath()).isNull();
        assertThat(request.isAsyncStarted()).isFalse();
    }

    @Test
    void aSheetThatCannotBeRenderedIsAnsweredByTheExceptionHandlersNotAsASuccess() throws Exception {
        // without the module for java.time, Jackson refuses the sheet's Instants
        ChangeAnswers.Handler unrendering = new ChangeAnswers.Handler(new SheetJsonConverter(new ObjectMapper()), problems);
        request.setAsyncSupported(true);
        unrendering.handleReturnValue(CompletableFuture.completedFuture(ResponseEntity.ok().eTag("\"3\"").body(sheet(3))),
                returnOf("change"), new ModelAndViewContainer(), new ServletWebRequest(request, response));

        assertThat(handled.get()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getHeader("ETag")).isNull();
        assertThat(request.isAsyncStarted()).isFalse();
    }

    @Test
    void nothingIsWrittenOnceTheClientWentAway() throws Exception {
        CompletableFuture<ResponseEntity<CharacterSheet>> committed = new CompletableFuture<>();
        answer(committed);
        MockAsyncContext async = (MockAsyncContext) request.getAsyncContext();
        async.getListeners().get(0).onError(new AsyncEvent(async, new java.io.IOException("reset")));
        assertThat(request.isAsyncStarted()).isFalse();

        committed.complete(ResponseEntity.ok().eTag("\"3\"").body(sheet(3)));

        assertThat(response.getHeader("ETag")).isNull();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }
}
