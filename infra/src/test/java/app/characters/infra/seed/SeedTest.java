package app.characters.infra.seed;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.axon.Actors;
import app.characters.infra.progress.Progress;
import app.characters.infra.support.Api;
import app.characters.infra.support.ServiceTest;
import app.characters.kernel.character.AttributeChanges;
import app.characters.kernel.character.CharacterCommand.AcquireItem;
import app.characters.kernel.character.CharacterCommand.ChangeAttributes;
import app.characters.kernel.character.CharacterCommand.ChangeVisibility;
import app.characters.kernel.character.CharacterCommand.CreateCharacter;
import app.characters.kernel.character.CharacterCommand.DropItem;
import app.characters.kernel.character.CharacterCommand.EquipItem;
import app.characters.kernel.character.CharacterCommand.GainExperience;
import app.characters.kernel.character.CharacterCommand.ImproveSkill;
import app.characters.kernel.character.CharacterCommand.LearnSkill;
import app.characters.kernel.character.CharacterCommand.RenameCharacter;
import app.characters.kernel.character.CharacterCommand.RetireCharacter;
import app.characters.kernel.character.CharacterCommand.UnequipItem;
import app.characters.kernel.character.CharacterEvent;
import app.characters.kernel.character.CharacterEvent.AttributesChanged;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterRetired;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.ItemAcquired;
import app.characters.kernel.character.CharacterEvent.ItemDropped;
import app.characters.kernel.character.CharacterEvent.ItemEquipped;
import app.characters.kernel.character.CharacterEvent.ItemUnequipped;
import app.characters.kernel.character.CharacterEvent.SkillImproved;
import app.characters.kernel.character.CharacterEvent.SkillLearned;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.Item;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seeded worlds hold to the game rules: the aggregates take them as their own history, and the commands agree. */
class SeedTest extends ServiceTest {

    private static boolean seeded;

    @Autowired
    private Seeder seeder;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventStore eventStore;

    @BeforeEach
    void seedOnce() {
        if (!seeded) {
            assertThat(seeder.seed(4, 3, 11, Progress.SILENT).inserted()).isPositive();
            seeded = true;
        }
    }

    @Test
    void seededCharactersTakeNewCommandsAndSeededUsersSignIn() {
        List<Map<String, Object>> characters = seededCharacters(5);
        for (Map<String, Object> character : characters) {
            UUID id = (UUID) character.get("id");
            UUID owner = (UUID) character.get("owner_id");
            long version = (Long) character.get("version");
            CharacterSheet gained = send(new GainExperience(id, owner, version, 250, "Back from the seed"), owner);
            CharacterSheet renamed = send(new RenameCharacter(id, owner, version + 1, "Still Standing"), owner);
            assertThat(gained.version()).isEqualTo(version + 1);
            assertThat(renamed.version()).isEqualTo(version + 2);
        }
        String username = jdbc.queryForObject("select username from user_account where password_hash = ? limit 1",
                String.class, Seeder.passwordHash(11));
        assertThat(api.post("/api/v1/sessions", null, Api.map("login", username, "password", Seeder.PASSWORD)).status())
                .isEqualTo(201);
    }

    /**
     * Every seeded event, turned back into the command a player would send, is accepted by the aggregate
     * and makes the same character: nothing the seed wrote is beyond the rules.
     */
    @Test
    void seededHistoriesAreWhatTheCommandsWouldHaveMade() {
        for (Map<String, Object> character : seededCharacters(6)) {
            UUID seededId = (UUID) character.get("id");
            UUID owner = (UUID) character.get("owner_id");
            List<? extends DomainEventMessage<?>> history = eventStore.readEvents(seededId.toString()).asStream().toList();
            if (((CharacterCreated) history.get(0).getPayload()).createdFromTemplate() != null) {
                continue;
            }
            UUID replayId = UUID.randomUUID();
            Map<UUID, UUID> items = new HashMap<>();
            CharacterSheet replayed = null;
            for (DomainEventMessage<?> message : history) {
                Object answer = send(commandFor((CharacterEvent) message.getPayload(), replayId, owner, items), owner);
                if (answer instanceof CharacterSheet sheet) {
                    replayed = sheet;
                }
            }
            CharacterSheet seededSheet = sheetOf(history);
            assertThat(replayed).isNotNull();
            assertThat(replayed.version()).isEqualTo(seededSheet.version());
            assertThat(replayed.attributes()).isEqualTo(seededSheet.attributes());
            assertThat(replayed.experience()).isEqualTo(seededSheet.experience());
            assertThat(replayed.level()).isEqualTo(seededSheet.level());
            assertThat(replayed.skills()).isEqualTo(seededSheet.skills());
            assertThat(replayed.equipment().stream().map(i -> i.name() + i.equipped()).toList())
                    .isEqualTo(seededSheet.equipment().stream().map(i -> i.name() + i.equipped()).toList());
        }
    }

    private List<Map<String, Object>> seededCharacters(int count) {
        List<Map<String, Object>> characters = jdbc.queryForList("select c.id, c.owner_id, c.version from character_summary c "
                + "join user_account u on u.id = c.owner_id where c.status = 'ACTIVE' and u.password_hash = ? "
                + "order by c.version desc limit ?", Seeder.passwordHash(11), count);
        assertThat(characters).hasSize(count);
        return characters;
    }

    private static CharacterSheet sheetOf(List<? extends DomainEventMessage<?>> history) {
        CharacterSheet sheet = null;
        for (DomainEventMessage<?> message : history) {
            CharacterEvent event = (CharacterEvent) message.getPayload();
            sheet = sheet == null ? CharacterSheet.created((CharacterCreated) event, message.getTimestamp())
                    : sheet.apply(event, message.getTimestamp());
        }
        return sheet;
    }

    private static Object commandFor(CharacterEvent event, UUID id, UUID owner, Map<UUID, UUID> items) {
        if (event instanceof CharacterCreated e) {
            return new CreateCharacter(id, owner, e.name(), e.race(), e.characterClass(), e.attributes(), null);
        } else if (event instanceof CharacterRenamed e) {
            return new RenameCharacter(id, owner, null, e.name());
        } else if (event instanceof AttributesChanged e) {
            return new ChangeAttributes(id, owner, null, new AttributeChanges(e.attributes().strength(),
                    e.attributes().dexterity(), e.attributes().constitution(), e.attributes().intelligence(),
                    e.attributes().wisdom(), e.attributes().charisma()));
        } else if (event instanceof ExperienceGained e) {
            return new GainExperience(id, owner, null, e.amount(), e.reason());
        } else if (event instanceof VisibilityChanged e) {
            return new ChangeVisibility(id, owner, null, e.visibility());
        } else if (event instanceof CharacterRetired) {
            return new RetireCharacter(id, owner, null);
        } else if (event instanceof ItemAcquired e) {
            UUID itemId = UUID.randomUUID();
            items.put(e.item().id(), itemId);
            Item item = e.item();
            return new AcquireItem(id, owner, null, new Item(itemId, item.name(), item.type(), item.rarity(),
                    item.weight(), item.statModifiers(), false));
        } else if (event instanceof ItemEquipped e) {
            return new EquipItem(id, owner, null, items.get(e.itemId()));
        } else if (event instanceof ItemUnequipped e) {
            return new UnequipItem(id, owner, null, items.get(e.itemId()));
        } else if (event instanceof ItemDropped e) {
            return new DropItem(id, owner, null, items.get(e.itemId()));
        } else if (event instanceof SkillLearned e) {
            return new LearnSkill(id, owner, null, e.skillId());
        } else if (event instanceof SkillImproved e) {
            return new ImproveSkill(id, owner, null, e.skillId(), e.proficiency());
        }
        throw new AssertionError("the seed wrote an event it should not: " + event);
    }

    private <R> R send(Object command, UUID actor) {
        // a refused command throws here, and fails the test with the rule it broke
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(Actors.ACTOR_ID, actor.toString())));
    }
}
