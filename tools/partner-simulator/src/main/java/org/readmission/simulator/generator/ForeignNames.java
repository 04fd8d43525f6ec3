package org.readmission.simulator.generator;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.readmission.events.common.PersonName;
import org.readmission.events.common.Sex;

/**
 * Names and places of birth of persons who are not Azerbaijani nationals: third-country nationals who travelled
 * through Azerbaijan (many Iranian Azerbaijanis from Tabriz and Ardabil) and Member State nationals staying in
 * Azerbaijan without a right to stay.
 */
public final class ForeignNames {

    /** The names a nationality's persons carry in this simulator. */
    public record Nationality(String country, List<String> maleGiven, List<String> femaleGiven, List<String> surnames,
                              List<String> placesOfBirth) {
    }

    /** Third-country nationals (neither Azerbaijani nor EU) who reach the EU through Azerbaijan, or Azerbaijan through the EU. */
    public static final List<String> THIRD_COUNTRIES = List.of("IR", "AF", "PK", "IN");

    private static final Map<String, Nationality> BY_COUNTRY = Map.of(
            "IR", new Nationality("IR",
                    List.of("Reza", "Mohammad", "Amir", "Hossein", "Ali", "Mehdi", "Babak"),
                    List.of("Maryam", "Zahra", "Fatemeh", "Sara", "Parisa", "Leila"),
                    List.of("Ahmadi", "Hosseini", "Rezaei", "Mohammadi", "Karimi", "Jafari", "Tabrizi", "Ardabili"),
                    List.of("Tabriz", "Ardabil", "Urmia", "Tehran", "Zanjan")),
            "AF", new Nationality("AF",
                    List.of("Ahmad", "Mohammad", "Naveed", "Farid", "Sayed", "Habib"),
                    List.of("Fatima", "Zarghuna", "Hamida", "Nadia", "Shabnam"),
                    List.of("Ahmadzai", "Sultani", "Rahimi", "Noori", "Hakimi", "Popal"),
                    List.of("Kabul", "Herat", "Mazar-i-Sharif", "Kunduz")),
            "PK", new Nationality("PK",
                    List.of("Muhammad", "Imran", "Usman", "Bilal", "Hamza", "Zeeshan"),
                    List.of("Ayesha", "Fatima", "Sana", "Hina", "Maryam"),
                    List.of("Khan", "Hussain", "Iqbal", "Butt", "Malik", "Chaudhry"),
                    List.of("Lahore", "Karachi", "Peshawar", "Gujranwala", "Sialkot")),
            "IN", new Nationality("IN",
                    List.of("Rahul", "Amit", "Harpreet", "Gurpreet", "Sandeep", "Vikram"),
                    List.of("Priya", "Neha", "Simran", "Pooja", "Manpreet"),
                    List.of("Singh", "Kumar", "Sharma", "Patel", "Gill", "Sandhu"),
                    List.of("Amritsar", "Delhi", "Ludhiana", "Jalandhar", "Ahmedabad")),
            "DE", new Nationality("DE",
                    List.of("Lukas", "Jan", "Tobias", "Sebastian", "Florian", "Maximilian"),
                    List.of("Anna", "Lena", "Julia", "Katharina", "Sophie"),
                    List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Wagner"),
                    List.of("Berlin", "Hamburg", "Köln", "Leipzig", "Dortmund")),
            "NL", new Nationality("NL",
                    List.of("Daan", "Sem", "Thijs", "Bram", "Ruben", "Lars"),
                    List.of("Emma", "Sanne", "Fleur", "Lotte", "Anouk"),
                    List.of("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit"),
                    List.of("Rotterdam", "Amsterdam", "Utrecht", "Eindhoven", "Groningen")));

    private ForeignNames() {
    }

    public static Nationality of(String country) {
        Nationality nationality = BY_COUNTRY.get(country);
        if (nationality == null) {
            throw new IllegalArgumentException("no names for nationality " + country);
        }
        return nationality;
    }

    public static String givenName(RandomGenerator random, Nationality nationality, Sex sex) {
        return Pick.one(random, sex == Sex.FEMALE ? nationality.femaleGiven() : nationality.maleGiven());
    }

    public static String surname(RandomGenerator random, Nationality nationality) {
        return Pick.one(random, nationality.surnames());
    }

    public static String placeOfBirth(RandomGenerator random, Nationality nationality) {
        return Pick.one(random, nationality.placesOfBirth());
    }

    public static PersonName name(String givenNames, String surname) {
        return PersonName.newBuilder().setGivenNames(givenNames).setSurname(surname).build();
    }
}
