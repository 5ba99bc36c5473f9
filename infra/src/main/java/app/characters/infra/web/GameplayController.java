package app.characters.infra.web;

import app.characters.infra.security.Actor;
import app.characters.infra.web.CharacterRequests.NewItem;
import app.characters.infra.web.CharacterRequests.NewSkill;
import app.characters.infra.web.CharacterRequests.ProficiencyChange;
import app.characters.kernel.character.CharacterCommand.AcquireItem;
import app.characters.kernel.character.CharacterCommand.DropItem;
import app.characters.kernel.character.CharacterCommand.EquipItem;
import app.characters.kernel.character.CharacterCommand.ImproveSkill;
import app.characters.kernel.character.CharacterCommand.LearnSkill;
import app.characters.kernel.character.CharacterCommand.UnequipItem;
import app.characters.kernel.character.CharacterSheet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Equipment and skills of a character. */
@RestController
@RequestMapping(path = "/api/v1/characters/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class GameplayController {

    private final Messaging messaging;

    GameplayController(Messaging messaging) {
        this.messaging = messaging;
    }

    @PostMapping(path = "/equipment", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<CharacterSheet>> acquire(Actor actor, @PathVariable UUID id, @RequestBody NewItem body,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        body.validate();
        return answer(HttpStatus.CREATED, messaging.sendAsync(
                new AcquireItem(id, actor.userId(), IfMatch.parse(ifMatch), body.toItem()), actor));
    }

    @PutMapping("/equipment/{itemId}/equipped")
    CompletableFuture<ResponseEntity<CharacterSheet>> equip(Actor actor, @PathVariable UUID id, @PathVariable UUID itemId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(HttpStatus.OK, messaging.sendAsync(new EquipItem(id, actor.userId(), IfMatch.parse(ifMatch), itemId), actor));
    }

    @DeleteMapping("/equipment/{itemId}/equipped")
    CompletableFuture<ResponseEntity<CharacterSheet>> unequip(Actor actor, @PathVariable UUID id, @PathVariable UUID itemId,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(HttpStatus.OK, messaging.sendAsync(new UnequipItem(id, actor.userId(), IfMatch.parse(ifMatch), itemId), actor));
    }

    @DeleteMapping("/equipment/{itemId}")
    CompletableFuture<ResponseEntity<CharacterSheet>> drop(Actor actor, @PathVariable UUID id, @PathVariable UUID itemId,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(HttpStatus.OK, messaging.sendAsync(new DropItem(id, actor.userId(), IfMatch.parse(ifMatch), itemId), actor));
    }

    @PostMapping(path = "/skills", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<CharacterSheet>> learn(Actor actor, @PathVariable UUID id, @RequestBody NewSkill body,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        body.validate();
        return answer(HttpStatus.CREATED, messaging.sendAsync(
                new LearnSkill(id, actor.userId(), IfMatch.parse(ifMatch), body.skillId()), actor));
    }

    @PutMapping(path = "/skills/{skillId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<CharacterSheet>> improve(Actor actor, @PathVariable UUID id, @PathVariable String skillId,
                                           @RequestBody ProficiencyChange body,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        body.validate();
        return answer(HttpStatus.OK, messaging.sendAsync(
                new ImproveSkill(id, actor.userId(), IfMatch.parse(ifMatch), skillId, body.proficiency()), actor));
    }

    /** A change of a character, answered once it is committed, without holding a request thread meanwhile. */
    private static CompletableFuture<ResponseEntity<CharacterSheet>> answer(HttpStatus status,
                                                                            CompletableFuture<CharacterSheet> sheet) {
        return sheet.thenApply(changed -> ResponseEntity.status(status).eTag("\"" + changed.version() + "\"").body(changed));
    }
}
