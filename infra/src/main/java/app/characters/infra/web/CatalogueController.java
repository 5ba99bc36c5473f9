package app.characters.infra.web;

import app.characters.infra.security.Actor;
import app.characters.kernel.character.Levels;
import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.SkillCategory;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.character.Skills;
import app.characters.kernel.character.Visibility;
import app.characters.kernel.common.Rejected;
import app.characters.kernel.skill.SkillMessages.DefineSkill;
import app.characters.kernel.skill.SkillMessages.FindSkill;
import app.characters.kernel.skill.SkillMessages.ListSkills;
import app.characters.kernel.skill.SkillMessages.SkillPage;
import app.characters.kernel.template.TemplateMessages.FindTemplate;
import app.characters.kernel.template.TemplateMessages.ListTemplates;
import app.characters.kernel.template.TemplateMessages.SaveTemplate;
import app.characters.kernel.template.TemplateMessages.TemplatePage;
import app.characters.kernel.template.TemplateMessages.TemplateView;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The skill catalogue and character templates. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class CatalogueController {

    record NewSkillDefinition(String id, String name, SkillCategory category, Integer minLevel,
                              List<SkillDefinition.Prerequisite> prerequisites) {
        SkillDefinition validated() {
            List<SkillDefinition.Prerequisite> required = prerequisites == null ? List.of() : prerequisites;
            InvalidRequest.check()
                    .require(Skills.validId(id), "id", "must be a lower-case slug such as fireball (at most "
                            + Skills.MAX_ID_LENGTH + " characters)")
                    .require(name != null && !name.isBlank()
                            && CharacterRequests.codePoints(name.strip()) <= Skills.MAX_NAME_LENGTH,
                            "name", "must be 1.." + Skills.MAX_NAME_LENGTH + " characters")
                    .require(category != null, "category", "is required, one of " + Arrays.toString(SkillCategory.values()))
                    .require(minLevel == null || (minLevel >= 1 && minLevel <= Levels.MAX_LEVEL), "minLevel",
                            "must be 1.." + Levels.MAX_LEVEL)
                    .require(required.size() <= Skills.MAX_PREREQUISITES, "prerequisites",
                            "at most " + Skills.MAX_PREREQUISITES)
                    .require(required.stream().allMatch(p -> p != null && p.skillId() != null && p.minProficiency() != null),
                            "prerequisites", "each needs skillId and minProficiency, one of "
                                    + Arrays.toString(Proficiency.values()))
                    .require(new HashSet<>(required).size() == required.size(), "prerequisites", "are listed twice")
                    .orThrow();
            return new SkillDefinition(id, name.strip(), category, minLevel == null ? 1 : minLevel, required);
        }
    }

    private final Messaging messaging;

    CatalogueController(Messaging messaging) {
        this.messaging = messaging;
    }

    @GetMapping("/skills")
    SkillPage skills(@RequestParam(required = false) SkillCategory category,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return messaging.ask(new ListSkills(category, Paging.of(page, size)), SkillPage.class);
    }

    /** A catalogue entry, as its definition's {@code Location} names it; an id that is no slug names no skill. */
    @GetMapping("/skills/{skillId}")
    SkillDefinition skill(@PathVariable String skillId) {
        if (!Skills.validId(skillId)) {
            throw Rejected.notFound("skill " + skillId + " not found");
        }
        return messaging.ask(new FindSkill(skillId), SkillDefinition.class);
    }

    @PostMapping(path = "/skills", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SkillDefinition> define(Actor actor, @RequestBody NewSkillDefinition body) {
        if (!actor.isAdmin()) {
            throw Rejected.forbidden("only an admin may define skills");
        }
        SkillDefinition skill = body.validated();
        messaging.send(new DefineSkill(skill.id(), skill), actor);
        URI location = URI.create("/api/v1/skills/" + skill.id());
        return messaging.askAfterWrite(new FindSkill(skill.id()), SkillDefinition.class)
                .map(defined -> ResponseEntity.created(location).body(defined))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }

    @PostMapping(path = "/characters/{id}/template", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TemplateView> saveTemplate(Actor actor, @PathVariable UUID id,
                                              @RequestBody CharacterRequests.NewTemplate body) {
        body.validate();
        UUID templateId = UUID.randomUUID();
        messaging.send(new SaveTemplate(templateId, id, actor.userId(), body.name(),
                body.visibility() == null ? Visibility.PRIVATE : body.visibility()), actor);
        URI location = URI.create("/api/v1/templates/" + templateId);
        return messaging.askAfterWrite(new FindTemplate(templateId, actor.userId()), TemplateView.class)
                .map(saved -> ResponseEntity.created(location).body(saved))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }

    @GetMapping("/templates")
    TemplatePage templates(Actor actor, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        return messaging.ask(new ListTemplates(actor.userId(), Paging.of(page, size)), TemplatePage.class);
    }

    @GetMapping("/templates/{templateId}")
    TemplateView template(Actor actor, @PathVariable UUID templateId) {
        return messaging.ask(new FindTemplate(templateId, actor.userId()), TemplateView.class);
    }
}
