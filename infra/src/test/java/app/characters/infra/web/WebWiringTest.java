package app.characters.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.ServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.propertyeditors.UUIDEditor;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

class WebWiringTest extends ServiceTest {

    @Autowired
    private RequestMappingHandlerAdapter adapter;

    @Autowired
    private ApplicationContext context;

    @Test
    void aUuidInAPathIsReadByTheEditorAndEverythingElseByTheConversionService() {
        WebDataBinder binder = new WebDataBinder(null);
        adapter.getWebBindingInitializer().initBinder(binder);

        assertThat(binder.findCustomEditor(UUID.class, null)).isInstanceOf(UUIDEditor.class);
        assertThat(binder.getConversionService()).isNotNull();
        assertThat(binder.convertIfNecessary("7", int.class)).isEqualTo(7);
    }

    @Test
    void aChangesAnswerIsWrittenByItsOwnHandlerBeforeSpringsTakeTheFuture() {
        assertThat(adapter.getReturnValueHandlers().get(0)).isInstanceOf(ChangeAnswers.Handler.class);
    }

    @Test
    void noRequestBodyIsParsedAsAForm() {
        assertThat(context.getBeansOfType(FormContentFilter.class)).isEmpty();
    }
}
