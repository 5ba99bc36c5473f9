package app.characters.query.character;

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
import app.characters.kernel.common.PageRequest;
import app.characters.kernel.common.Rejected;
import app.characters.query.history.VersionDiffer;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Answers every read of characters and their history from the read tables. */
@Component
@Transactional(readOnly = true)
class CharacterQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));

    private final CharacterRowRepository characters;
    private final SheetJson json;
    private final VersionDiffer differ;
    private final CharacterAccess access;
    private final VersionPages versionPages;
    private final VersionStates states;

    CharacterQueries(CharacterRowRepository characters, SheetJson json,
                     VersionDiffer differ, CharacterAccess access, VersionPages versionPages, VersionStates states) {
        this.access = access;
        this.states = states;
        this.versionPages = versionPages;
        this.characters = characters;
        this.json = json;
        this.differ = differ;
    }

    /** Outside a transaction: one read in autocommit needs no begin and commit around it. */
    @QueryHandler
    @Transactional(propagation = Propagation.SUPPORTS)
    public CharacterSheet find(FindCharacter query) {
        return access.current(query);
    }

    @QueryHandler
    public CharacterPage listMine(ListMyCharacters query) {
        return characterPage(characters.findMine(query.ownerId(), likePattern(query.name()), query.characterClass(),
                pageable(query.page(), NEWEST_FIRST)), query.page());
    }

    @QueryHandler
    public CharacterPage listPublic(ListPublicCharacters query) {
        int minLevel = query.minLevel() == null ? 1 : query.minLevel();
        return characterPage(characters.findPublic(likePattern(query.name()), query.characterClass(), minLevel,
                pageable(query.page(), NEWEST_FIRST)), query.page());
    }

    /** Outside a transaction, as {@link #find}. */
    @QueryHandler
    @Transactional(propagation = Propagation.SUPPORTS)
    public VersionPage listVersions(ListVersions query) {
        return versionPages.page(query);
    }

    /** Outside a transaction, as {@link #find}: versions and events never change. */
    @QueryHandler
    @Transactional(propagation = Propagation.SUPPORTS)
    public VersionState findVersion(FindVersion query) {
        access.checkReadable(query.characterId(), query.viewerId());
        VersionStates.Version version = version(query.characterId(), query.version());
        return new VersionState(version.version(), version.eventType(), version.occurredAt(), states.sheet(version));
    }

    /** Outside a transaction, as {@link #find}. */
    @QueryHandler
    @Transactional(propagation = Propagation.SUPPORTS)
    public CharacterSheet findAsOf(FindCharacterAsOf query) {
        access.checkReadable(query.characterId(), query.viewerId());
        return states.lastAtOrBefore(query.characterId(), query.asOf())
                .map(states::sheet)
                .orElseThrow(() -> Rejected.notFound("character " + query.characterId() + " did not exist at "
                        + query.asOf()));
    }

    /** Outside a transaction, as {@link #find}. */
    @QueryHandler
    @Transactional(propagation = Propagation.SUPPORTS)
    public VersionDiff diff(DiffVersions query) {
        access.checkReadable(query.characterId(), query.viewerId());
        VersionStates.Version from = version(query.characterId(), query.from());
        VersionStates.Version to = version(query.characterId(), query.to());
        return new VersionDiff(query.from(), query.to(), differ.diff(states.json(from), states.json(to)));
    }

    private VersionStates.Version version(UUID characterId, long version) {
        return states.find(characterId, version)
                .orElseThrow(() -> Rejected.notFound("character " + characterId + " has no version " + version));
    }

    private static org.springframework.data.domain.PageRequest pageable(PageRequest page, Sort sort) {
        return org.springframework.data.domain.PageRequest.of(page.page(), page.size(), sort);
    }

    private CharacterPage characterPage(org.springframework.data.domain.Page<CharacterRow> page, PageRequest request) {
        return new CharacterPage(page.getContent().stream().map(row -> json.read(row.getState())).toList(),
                request.page(), request.size(), page.getTotalElements());
    }

    /** A case-insensitive "contains" pattern, with the client's own wildcards taken literally. */
    private static String likePattern(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String escaped = value.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
