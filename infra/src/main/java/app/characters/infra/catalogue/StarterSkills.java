package app.characters.infra.catalogue;

import static app.characters.kernel.character.Proficiency.ADEPT;
import static app.characters.kernel.character.Proficiency.APPRENTICE;
import static app.characters.kernel.character.Proficiency.NOVICE;
import static app.characters.kernel.character.SkillCategory.COMBAT;
import static app.characters.kernel.character.SkillCategory.CRAFTING;
import static app.characters.kernel.character.SkillCategory.KNOWLEDGE;
import static app.characters.kernel.character.SkillCategory.MAGIC;
import static app.characters.kernel.character.SkillCategory.SOCIAL;
import static app.characters.kernel.character.SkillCategory.STEALTH;
import static app.characters.kernel.character.SkillCategory.SURVIVAL;

import app.characters.command.skill.SkillBook;
import app.characters.infra.web.Messaging;
import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.SkillCategory;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.character.SkillDefinition.Prerequisite;
import app.characters.kernel.common.Rejected;
import app.characters.kernel.skill.SkillMessages.DefineSkill;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The catalogue a fresh service starts with: 35 skills over all seven categories, with chains of
 * prerequisites up to three deep. Defined through the same command an admin uses, once: a skill
 * already in the store is left alone, and a race with another node ends in one definition.
 */
@Component
@ConditionalOnProperty(name = "app.role", havingValue = "service", matchIfMissing = true)
@Order(10)
public class StarterSkills implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StarterSkills.class);

    public static final List<SkillDefinition> SKILLS = List.of(
            skill("swordplay", "Swordplay", COMBAT, 1),
            skill("parry", "Parry", COMBAT, 2, req("swordplay", APPRENTICE)),
            skill("riposte", "Riposte", COMBAT, 4, req("parry", ADEPT)),
            skill("whirlwind-strike", "Whirlwind Strike", COMBAT, 8, req("riposte", APPRENTICE)),
            skill("archery", "Archery", COMBAT, 1),
            skill("volley", "Volley", COMBAT, 5, req("archery", ADEPT)),
            skill("shield-wall", "Shield Wall", COMBAT, 3),
            skill("arcane-lore", "Arcane Lore", MAGIC, 1),
            skill("fireball", "Fireball", MAGIC, 3, req("arcane-lore", APPRENTICE)),
            skill("meteor-swarm", "Meteor Swarm", MAGIC, 9, req("fireball", ADEPT)),
            skill("time-stop", "Time Stop", MAGIC, 17, req("meteor-swarm", APPRENTICE), req("arcane-lore", Proficiency.EXPERT)),
            skill("healing-word", "Healing Word", MAGIC, 1),
            skill("mass-heal", "Mass Heal", MAGIC, 9, req("healing-word", ADEPT)),
            skill("sneak", "Sneak", STEALTH, 1),
            skill("pick-lock", "Pick Lock", STEALTH, 2, req("sneak", NOVICE)),
            skill("disarm-trap", "Disarm Trap", STEALTH, 4, req("pick-lock", APPRENTICE)),
            skill("shadow-step", "Shadow Step", STEALTH, 10, req("disarm-trap", ADEPT), req("sneak", ADEPT)),
            skill("pickpocket", "Pickpocket", STEALTH, 1),
            skill("persuasion", "Persuasion", SOCIAL, 1),
            skill("haggle", "Haggle", SOCIAL, 2, req("persuasion", NOVICE)),
            skill("inspire", "Inspire", SOCIAL, 5, req("persuasion", ADEPT)),
            skill("rally-the-troops", "Rally the Troops", SOCIAL, 10, req("inspire", APPRENTICE)),
            skill("intimidation", "Intimidation", SOCIAL, 1),
            skill("tracking", "Tracking", SURVIVAL, 1),
            skill("foraging", "Foraging", SURVIVAL, 1),
            skill("beast-taming", "Beast Taming", SURVIVAL, 4, req("tracking", APPRENTICE)),
            skill("pack-leader", "Pack Leader", SURVIVAL, 8, req("beast-taming", ADEPT)),
            skill("smithing", "Smithing", CRAFTING, 1),
            skill("armor-crafting", "Armor Crafting", CRAFTING, 3, req("smithing", APPRENTICE)),
            skill("runesmithing", "Runesmithing", CRAFTING, 7, req("armor-crafting", ADEPT), req("arcane-lore", APPRENTICE)),
            skill("alchemy", "Alchemy", CRAFTING, 1),
            skill("history", "History", KNOWLEDGE, 1),
            skill("religion", "Religion", KNOWLEDGE, 1),
            skill("ancient-tongues", "Ancient Tongues", KNOWLEDGE, 3, req("history", APPRENTICE)),
            skill("planar-lore", "Planar Lore", KNOWLEDGE, 6, req("ancient-tongues", ADEPT), req("religion", APPRENTICE)));

    private final SkillBook skills;
    private final Messaging messaging;

    StarterSkills(SkillBook skills, Messaging messaging) {
        this.skills = skills;
        this.messaging = messaging;
    }

    @Override
    public void run(ApplicationArguments args) {
        int defined = 0;
        for (SkillDefinition skill : SKILLS) {
            if (skills.find(skill.id()).isPresent()) {
                continue;
            }
            try {
                messaging.send(new DefineSkill(skill.id(), skill), null);
                defined++;
            } catch (Rejected | AggregateStreamCreationException definedElsewhere) {
                // another node defined it first, before or while this one looked
            }
        }
        if (defined > 0) {
            log.info("defined {} starter skills", defined);
        }
    }

    private static SkillDefinition skill(String id, String name, SkillCategory category, int minLevel,
                                         Prerequisite... prerequisites) {
        return new SkillDefinition(id, name, category, minLevel, new ArrayList<>(List.of(prerequisites)));
    }

    private static Prerequisite req(String skillId, Proficiency minimum) {
        return new Prerequisite(skillId, minimum);
    }
}
