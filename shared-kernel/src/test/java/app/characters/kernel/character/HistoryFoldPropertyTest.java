package app.characters.kernel.character;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the fold over many random histories (seeded, so a failure can be replayed). */
class HistoryFoldPropertyTest {

    private static final int HISTORIES = 300;

    @Test
    void everyEventOfAnyHistoryRaisesTheVersionByOneAndKeepsCreatedAt() {
        for (int seed = 0; seed < HISTORIES; seed++) {
            List<CharacterSheet> states = RandomHistories.states(seed, 1 + new Random(seed).nextInt(40));
            for (int i = 0; i < states.size(); i++) {
                assertThat(states.get(i).version()).as("seed %d", seed).isEqualTo(i + 1);
                assertThat(states.get(i).createdAt()).as("seed %d", seed).isEqualTo(states.get(0).createdAt());
            }
        }
    }

    @Test
    void revertingToAnyVersionGivesThatVersionsStateButForVersionAndTimes() {
        for (int seed = 0; seed < HISTORIES; seed++) {
            List<CharacterSheet> states = RandomHistories.states(seed, 1 + new Random(seed).nextInt(40));
            CharacterSheet latest = states.get(states.size() - 1);
            for (CharacterSheet target : states) {
                CharacterSheet reverted = latest.apply(CharacterSheetGameplayTest.revertTo(target), latest.updatedAt());

                assertThat(CharacterSheetGameplayTest.withoutBookkeeping(reverted))
                        .as("seed %d, revert to %d", seed, target.version())
                        .isEqualTo(CharacterSheetGameplayTest.withoutBookkeeping(target));
                assertThat(reverted.version()).isEqualTo(latest.version() + 1);
            }
        }
    }

    @Test
    void effectiveAttributesAreAlwaysTheAttributesPlusEquippedModifiersClamped() {
        for (int seed = 0; seed < HISTORIES; seed++) {
            for (CharacterSheet sheet : RandomHistories.states(seed, 30)) {
                int[] expected = sheet.attributes().values();
                for (Item item : sheet.equipment()) {
                    if (item.equipped()) {
                        int[] modifiers = item.modifiers().values();
                        for (int i = 0; i < expected.length; i++) {
                            expected[i] += modifiers[i];
                        }
                    }
                }
                int[] effective = sheet.effectiveAttributes().values();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(effective[i]).as("seed %d, %s", seed, Attributes.NAMES.get(i))
                            .isEqualTo(Math.max(1, Math.min(30, expected[i])));
                }
            }
        }
    }

    @Test
    void atMostOneItemIsEquippedInEachSlot() {
        for (int seed = 0; seed < HISTORIES; seed++) {
            for (CharacterSheet sheet : RandomHistories.states(seed, 30)) {
                for (ItemType.Slot slot : ItemType.Slot.values()) {
                    assertThat(sheet.equipment().stream()
                            .filter(i -> i.equipped() && i.type().slot().orElse(null) == slot).count())
                            .as("seed %d, slot %s", seed, slot).isLessThanOrEqualTo(1);
                }
            }
        }
    }
}
