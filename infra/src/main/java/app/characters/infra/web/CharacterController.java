package app.characters.infra.web;

import app.characters.infra.axon.RandomIds;
import app.characters.infra.security.Actor;
import app.characters.infra.security.Viewer;
import app.characters.infra.web.CharacterRequests.AttributeValues;
import app.characters.infra.web.CharacterRequests.Experience;
import app.characters.infra.web.CharacterRequests.NewCharacter;
import app.characters.infra.web.CharacterRequests.Rename;
import app.characters.infra.web.CharacterRequests.Revert;
import app.characters.infra.web.CharacterRequests.VisibilityChange;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterCommand.ChangeAttributes;
import app.characters.kernel.character.CharacterCommand.ChangeVisibility;
import app.characters.kernel.character.CharacterCommand.CreateCharacter;
import app.characters.kernel.character.CharacterCommand.GainExperience;
import app.characters.kernel.character.CharacterCommand.RenameCharacter;
import app.characters.kernel.character.CharacterCommand.RetireCharacter;
import app.characters.kernel.character.CharacterCommand.RevertCharacter;
import app.characters.kernel.character.CharacterQuery.CharacterPage;
import app.characters.kernel.character.CharacterQuery.DiffVersions;
import app.characters.kernel.character.CharacterQuery.FindCharacter;
import app.characters.kernel.character.CharacterQuery.FindCharacterAsOf;
import app.characters.kernel.character.CharacterQuery.FindVersion;
import app.characters.kernel.character.CharacterQuery.ListMyCharacters;
import app.characters.kernel.character.CharacterQuery.ListPublicCharacters;
import app.characters.kernel.character.CharacterQuery.ListVersions;
import app.characters.kernel.character.CharacterQuery.VersionDiff;
import app.characters.kernel.character.CharacterQuery.VersionPage;
import app.characters.kernel.character.CharacterQuery.VersionState;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.Levels;
import app.characters.query.character.CharacterAccess;
import app.characters.query.character.VersionPages;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Characters and their history: parse, send, map the answer. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class CharacterController {

    private final Messaging messaging;
    private final CharacterAccess characters;
    private final VersionPages versionPages;

    CharacterController(Messaging messaging, CharacterAccess characters, VersionPages versionPages) {
        this.characters = characters;
        this.versionPages = versionPages;
        this.messaging = messaging;
    }

    @PostMapping(path = "/characters", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CharacterSheet> create(Actor actor, @RequestBody NewCharacter body) {
        body.validate();
        UUID id = RandomIds.uuid();
        messaging.send(new CreateCharacter(id, actor.userId(), body.name(), body.race(), body.characterClass(),
                body.templateId() == null ? body.attributesOrDefault() : null, body.templateId()), actor);
        URI location = URI.create("/api/v1/characters/" + id);
        return messaging.askAfterWrite(new FindCharacter(id, actor.userId()), CharacterSheet.class)
                .map(created -> ResponseEntity.created(location).eTag(etag(created.version())).body(created))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }

    @GetMapping("/characters/{id}")
    ResponseEntity<CharacterSheet> get(Viewer viewer, @PathVariable UUID id,
                                       @RequestParam(required = false) String asOf) {
        if (asOf != null) {
            return withEtag(messaging.ask(new FindCharacterAsOf(id, viewer.userIdOrNull(), Times.parse("asOf", asOf)),
                    CharacterSheet.class));
        }
        // the hottest read asks the query side directly, not through Axon's query bus (see CharacterAccess)
        return withEtag(characters.current(new FindCharacter(id, viewer.userIdOrNull())));
    }

    @GetMapping("/characters")
    CharacterPage listMine(Actor actor, @RequestParam(required = false) String name,
                                  @RequestParam(required = false) CharacterClass characterClass,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        return messaging.ask(new ListMyCharacters(actor.userId(), Paging.filter(name), characterClass,
                Paging.of(page, size)), CharacterPage.class);
    }

    @GetMapping("/public/characters")
    CharacterPage listPublic(@RequestParam(required = false) String name,
                                    @RequestParam(required = false) CharacterClass characterClass,
                                    @RequestParam(required = false) Integer minLevel,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        if (minLevel != null && (minLevel < 1 || minLevel > Levels.MAX_LEVEL)) {
            throw InvalidRequest.of("minLevel", "must be 1.." + Levels.MAX_LEVEL);
        }
        return messaging.ask(new ListPublicCharacters(Paging.filter(name), characterClass, minLevel,
                Paging.of(page, size)), CharacterPage.class);
    }

    @PutMapping(path = "/characters/{id}/name", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<CharacterSheet>> rename(Actor actor, @PathVariable UUID id, @RequestBody Rename body,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        body.validate();
        return change(new RenameCharacter(id, actor.userId(), IfMatch.parse(ifMatch), body.name()), actor);
    }

    @PutMapping(path = "/characters/{id}/attributes", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<CharacterSheet>> attributes(Actor actor, @PathVariable UUID id, @RequestBody AttributeValues body,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        body.validateAsChange();
        return change(new ChangeAttributes(id, actor.userId(), IfMatch.parse(ifMatch), body.toChanges()), actor);
    }

    @PostMapping(path = "/characters/{id}/experience", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<CharacterSheet>> experience(Actor actor, @PathVariable UUID id, @RequestBody Experience body,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        body.validate();
        return change(new GainExperience(id, actor.userId(), IfMatch.parse(ifMatch), body.amount(), body.reason()),
                actor);
    }

    @PutMapping(path = "/characters/{id}/visibility", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<CharacterSheet>> visibility(Actor actor, @PathVariable UUID id, @RequestBody VisibilityChange body,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        body.validate();
        return change(new ChangeVisibility(id, actor.userId(), IfMatch.parse(ifMatch), body.visibility()), actor);
    }

    @DeleteMapping("/characters/{id}")
    CompletableFuture<ResponseEntity<Void>> retire(Actor actor, @PathVariable UUID id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return messaging.sendAsync(new RetireCharacter(id, actor.userId(), IfMatch.parse(ifMatch)), actor)
                .thenApply(retired -> ResponseEntity.noContent().build());
    }

    @GetMapping("/characters/{id}/versions")
    VersionPage versions(Viewer viewer, @PathVariable UUID id,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        // asked directly, as the current state is (see VersionPages)
        return versionPages.page(new ListVersions(id, viewer.userIdOrNull(), Paging.of(page, size)));
    }

    @GetMapping("/characters/{id}/versions/{version}")
    VersionState version(Viewer viewer, @PathVariable UUID id, @PathVariable long version) {
        if (version < 1) {
            throw InvalidRequest.of("version", "must be 1 or more");
        }
        return messaging.ask(new FindVersion(id, viewer.userIdOrNull(), version), VersionState.class);
    }

    @GetMapping("/characters/{id}/versions/{version}/diff")
    ResponseEntity<String> diff(Viewer viewer, @PathVariable UUID id, @PathVariable long version,
                                @RequestParam long from) {
        InvalidRequest.check()
                .require(version >= 1, "version", "must be 1 or more")
                .require(from >= 1, "from", "must be 1 or more")
                .orThrow();
        VersionDiff diff = messaging.ask(new DiffVersions(id, viewer.userIdOrNull(), from, version), VersionDiff.class);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(diff.patch());
    }

    @PostMapping(path = "/characters/{id}/revert", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<CharacterSheet>> revert(Actor actor, @PathVariable UUID id, @RequestBody Revert body,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        body.validate();
        return change(new RevertCharacter(id, actor.userId(), IfMatch.parse(ifMatch), body.version()), actor);
    }

    /** A change of a character, answered once it is committed, without holding a request thread meanwhile. */
    private CompletableFuture<ResponseEntity<CharacterSheet>> change(Object command, Actor actor) {
        return messaging.<CharacterSheet>sendAsync(command, actor).thenApply(CharacterController::withEtag);
    }

    private static ResponseEntity<CharacterSheet> withEtag(CharacterSheet sheet) {
        return ResponseEntity.ok().eTag(etag(sheet.version())).body(sheet);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
