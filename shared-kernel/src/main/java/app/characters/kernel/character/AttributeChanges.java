package app.characters.kernel.character;

/** New values for some attributes; a null leaves that attribute as it is. */
public record AttributeChanges(Integer strength, Integer dexterity, Integer constitution, Integer intelligence,
                               Integer wisdom, Integer charisma) {

    public boolean none() {
        return strength == null && dexterity == null && constitution == null && intelligence == null
                && wisdom == null && charisma == null;
    }

    public Attributes applyTo(Attributes current) {
        return new Attributes(or(strength, current.strength()), or(dexterity, current.dexterity()),
                or(constitution, current.constitution()), or(intelligence, current.intelligence()),
                or(wisdom, current.wisdom()), or(charisma, current.charisma()));
    }

    private static int or(Integer value, int current) {
        return value == null ? current : value;
    }
}
