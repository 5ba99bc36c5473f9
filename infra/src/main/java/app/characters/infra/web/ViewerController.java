package app.characters.infra.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The history viewer is one static page (static/viewer/); its own addresses, such as a character's,
 * all lead to it and the page reads the address itself.
 */
@Controller
class ViewerController {

    @GetMapping({"/viewer", "/viewer/", "/viewer/characters/{id}"})
    String page() {
        return "forward:/viewer/index.html";
    }
}
