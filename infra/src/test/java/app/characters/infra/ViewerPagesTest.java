package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.ServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The viewer's addresses and files, without a browser (ViewerTest drives it in one). */
class ViewerPagesTest extends ServiceTest {

    @Test
    void theViewerAndADirectCharacterAddressServeThePage() {
        for (String path : new String[] {"/viewer", "/viewer/", "/viewer/characters/" + UUID.randomUUID()}) {
            Answer page = api.get(path, null);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.response().body()).as(path).contains("<title>Character history</title>")
                    .contains("src=\"/viewer/viewer.js\"");
        }
    }

    @Test
    void itsScriptAndStylesAreServedAndLoadNothingFromElsewhere() {
        Answer script = api.get("/viewer/viewer.js", null);
        Answer styles = api.get("/viewer/viewer.css", null);
        Answer page = api.get("/viewer/index.html", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(styles.status()).isEqualTo(200);
        for (Answer file : new Answer[] {script, styles, page}) {
            // the only absolute address allowed is the SVG namespace, which is a name and never fetched
            assertThat(file.response().body().replace("http://www.w3.org/2000/svg", ""))
                    .doesNotContain("http://", "https://", "//cdn");
        }
    }
}
