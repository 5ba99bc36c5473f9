package app.characters.infra.web;

import app.characters.kernel.character.AttributeChanges;
import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterRules;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.Equipment;
import app.characters.kernel.character.Item;
import app.characters.kernel.character.ItemType;
import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Rarity;
import app.characters.kernel.character.Skills;
import app.characters.kernel.character.Visibility;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/** The bodies the character endpoints read, each able to say what is wrong with it. */
final class CharacterRequests {

    private CharacterRequests() {
    }

    record NewCharacter(String name, Race race, CharacterClass characterClass, AttributeValues attributes,
                        UUID templateId) {
        void validate() {
            InvalidRequest.Check check = InvalidRequest.check();
            checkName(check, name);
            if (templateId == null) {
                check.require(race != null, "race", "is required, one of " + Arrays.toString(Race.values()))
                        .require(characterClass != null, "characterClass",
                                "is required, one of " + Arrays.toString(CharacterClass.values()));
                if (attributes != null) {
                    attributes.check(check, "attributes.");
                }
            } else {
                check.require(race == null && characterClass == null && attributes == null, "templateId",
                        "comes alone: race, class and attributes come from the template");
            }
            check.orThrow();
        }

        Attributes attributesOrDefault() {
            return attributes == null ? Attributes.defaults() : attributes.toChanges().applyTo(Attributes.defaults());
        }
    }

    record AttributeValues(Integer strength, Integer dexterity, Integer constitution, Integer intelligence,
                           Integer wisdom, Integer charisma) {
        void check(InvalidRequest.Check check, String prefix) {
            Integer[] values = {strength, dexterity, constitution, intelligence, wisdom, charisma};
            for (int i = 0; i < values.length; i++) {
                check.require(values[i] == null || (values[i] >= Attributes.MIN && values[i] <= Attributes.MAX),
                        prefix + Attributes.NAMES.get(i), "must be " + Attributes.MIN + ".." + Attributes.MAX);
            }
        }

        AttributeChanges toChanges() {
            return new AttributeChanges(strength, dexterity, constitution, intelligence, wisdom, charisma);
        }

        void validateAsChange() {
            InvalidRequest.Check check = InvalidRequest.check();
            check(check, "");
            check.require(!toChanges().none(), "attributes", "name at least one of " + Attributes.NAMES);
            check.orThrow();
        }
    }

    record Rename(String name) {
        void validate() {
            InvalidRequest.Check check = InvalidRequest.check();
            checkName(check, name);
            check.orThrow();
        }
    }

    record Experience(Long amount, String reason) {
        void validate() {
            InvalidRequest.check()
                    .require(amount != null && amount >= 1 && amount <= CharacterRules.MAX_EXPERIENCE_GAIN, "amount",
                            "must be 1.." + CharacterRules.MAX_EXPERIENCE_GAIN)
                    .require(reason != null && !reason.isBlank()
                                    && codePoints(reason.strip()) <= CharacterRules.MAX_REASON_LENGTH,
                            "reason", "must be 1.." + CharacterRules.MAX_REASON_LENGTH + " characters")
                    .orThrow();
        }
    }

    record VisibilityChange(Visibility visibility) {
        void validate() {
            InvalidRequest.check()
                    .require(visibility != null, "visibility", "is required, one of " + Arrays.toString(Visibility.values()))
                    .orThrow();
        }
    }

    record Revert(Long version) {
        void validate() {
            InvalidRequest.check().require(version != null && version >= 1, "version", "must be 1 or more").orThrow();
        }
    }

    record NewItem(String name, ItemType type, Rarity rarity, Double weight, Map<String, Integer> statModifiers) {
        void validate() {
            InvalidRequest.Check check = InvalidRequest.check()
                    .require(name != null && !name.isBlank() && codePoints(name.strip()) <= Equipment.MAX_NAME_LENGTH,
                            "name", "must be 1.." + Equipment.MAX_NAME_LENGTH + " characters after trimming")
                    .require(type != null, "type", "is required, one of " + Arrays.toString(ItemType.values()))
                    .require(rarity != null, "rarity", "is required, one of " + Arrays.toString(Rarity.values()))
                    .require(weight != null && weight >= 0 && weight <= Equipment.MAX_WEIGHT && !weight.isNaN(),
                            "weight", "must be a number 0.." + (int) Equipment.MAX_WEIGHT);
            Equipment.checkModifiers(statModifiers).ifPresent(problem -> check.require(false, "statModifiers", problem));
            check.orThrow();
        }

        Item toItem() {
            return new Item(UUID.randomUUID(), name.strip(), type, rarity, weight,
                    statModifiers == null ? Map.of() : statModifiers, false);
        }
    }

    record NewSkill(String skillId) {
        void validate() {
            InvalidRequest.check().require(Skills.validId(skillId), "skillId", "must be a skill id such as fireball")
                    .orThrow();
        }
    }

    record ProficiencyChange(Proficiency proficiency) {
        void validate() {
            InvalidRequest.check().require(proficiency != null, "proficiency",
                    "is required, one of " + Arrays.toString(Proficiency.values())).orThrow();
        }
    }

    record NewTemplate(String name, Visibility visibility) {
        void validate() {
            InvalidRequest.Check check = InvalidRequest.check();
            checkName(check, name);
            check.orThrow();
        }
    }

    static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    private static void checkName(InvalidRequest.Check check, String name) {
        check.require(name != null && !name.isBlank() && codePoints(name.strip()) <= CharacterSheet.MAX_NAME_LENGTH,
                "name", "must be 1.." + CharacterSheet.MAX_NAME_LENGTH + " characters after trimming");
    }
}
