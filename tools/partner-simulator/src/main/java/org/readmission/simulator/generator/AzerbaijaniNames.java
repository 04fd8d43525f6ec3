package org.readmission.simulator.generator;

import java.util.List;
import java.util.random.RandomGenerator;

import org.readmission.names.Transliteration;
import org.readmission.events.common.PersonName;
import org.readmission.events.common.Sex;

/**
 * Azerbaijani personal names in the Latin alphabet (with ə ş ç ğ ı ö ü), patronymics ("Əli oğlu", "Vüqar qızı"),
 * female surname forms (Məmmədov / Məmmədova) and the Azerbaijani Cyrillic spelling used in Soviet-era documents.
 */
public final class AzerbaijaniNames {

    static final List<String> MALE_GIVEN = List.of("Elvin", "Rəşad", "Orxan", "Tural", "Murad", "Vüqar", "Ramil", "Əli",
            "Kamran", "Elçin", "Anar", "Fərid", "Nicat", "Ceyhun", "Rauf", "Samir", "Elnur", "İlqar", "Zaur", "Mehman",
            "Şahin", "Ülvi", "Rüstəm", "Toğrul", "Emin", "Cavid", "Nurlan", "Aqil", "Həsən", "Hüseyn", "Polad", "Səbuhi",
            "Xəyal", "Vaqif", "Etibar", "Yusif", "Mikayıl", "Ömər", "Ayxan", "Nihad");
    static final List<String> FEMALE_GIVEN = List.of("Aynur", "Leyla", "Günel", "Nigar", "Səbinə", "Ülviyyə", "Aysel",
            "Könül", "Nərmin", "Şəbnəm", "Gülnarə", "Sevinc", "Lalə", "Aytən", "Fidan", "Xədicə", "Zəhra", "Nərgiz",
            "Türkan", "Məryəm", "Səidə", "Ayşən", "Gülər", "Elmira", "İradə", "Çinarə", "Mələk", "Ayan", "Nuray",
            "Fatimə", "Aylin", "Röya");
    /** Fathers' names, including the older generation's (for patronymics). */
    static final List<String> FATHERS = List.of("Məmməd", "Əli", "Vüqar", "Qurban", "Rəhim", "Səməd", "Tofiq", "Rafiq",
            "Arif", "Vahid", "Yaşar", "Nazim", "İsmayıl", "Şamil", "Fikrət", "Oqtay", "Əliağa", "Hacı", "Novruz", "Elxan",
            "Mübariz", "Çingiz", "Ağasəlim", "Rövşən", "Zakir");
    /** Surnames in the male form; those ending in -ov / -yev / -ev take -a for women. */
    static final List<String> SURNAMES = List.of("Məmmədov", "Əliyev", "Hüseynov", "Həsənov", "Quliyev", "İsmayılov",
            "Abbasov", "Rzayev", "Cəfərov", "Kərimov", "Babayev", "Orucov", "Nəsirov", "Səfərov", "Mustafayev", "Bağırov",
            "Qasımov", "Süleymanov", "Şükürov", "Ağayev", "Vəliyev", "Allahverdiyev", "Novruzov", "Paşayev", "Əhmədov",
            "Hacıyev", "Qəhrəmanov", "Məlikov", "İbrahimov", "Zeynalov", "Sadıqov", "Əsgərov", "Xəlilov", "Rəhimov",
            "Çələbiyev", "Göyüşov", "Ələkbərov", "Dadaşov", "Əlizadə", "Hüseynzadə", "Rəsulzadə", "Şirinli", "Qarabağlı");
    static final List<String> PLACES_OF_BIRTH = List.of("Bakı", "Bakı", "Bakı", "Gəncə", "Sumqayıt", "Lənkəran", "Şəki",
            "Mingəçevir", "Naxçıvan", "Şirvan", "Quba", "Qəbələ", "Şamaxı", "Yevlax", "Bərdə", "Zaqatala", "Masallı",
            "Xaçmaz", "Göyçay", "Salyan", "Qazax", "Tovuz", "Ağcabədi", "Astara", "Füzuli", "Ağdam", "Balakən");

    private AzerbaijaniNames() {
    }

    public static String givenName(RandomGenerator random, Sex sex) {
        return Pick.one(random, sex == Sex.FEMALE ? FEMALE_GIVEN : MALE_GIVEN);
    }

    public static String fathersName(RandomGenerator random) {
        return Pick.chance(random, 0.5) ? Pick.one(random, FATHERS) : Pick.one(random, MALE_GIVEN);
    }

    /** A family surname in its male form. */
    public static String familySurname(RandomGenerator random) {
        return Pick.one(random, SURNAMES);
    }

    public static String placeOfBirth(RandomGenerator random) {
        return Pick.one(random, PLACES_OF_BIRTH);
    }

    /** The surname as a person of that sex carries it: Məmmədov → Məmmədova, Əliyev → Əliyeva; Əlizadə stays. */
    public static String surnameFor(String maleForm, Sex sex) {
        if (sex == Sex.FEMALE && (maleForm.endsWith("ov") || maleForm.endsWith("ev"))) {
            return maleForm + "a";
        }
        return maleForm;
    }

    /** "Əli oğlu" for a son, "Vüqar qızı" for a daughter. */
    public static String patronymic(String fathersGivenName, Sex sex) {
        return fathersGivenName + (sex == Sex.FEMALE ? " qızı" : " oğlu");
    }

    /** The full name in the order of Soviet-era documents (surname, given name, patronymic) in Azerbaijani Cyrillic. */
    public static String nativeScript(String givenNames, String surname, String patronymic) {
        String latin = surname + " " + givenNames + (patronymic == null ? "" : " " + patronymic);
        return toCyrillic(latin);
    }

    /** Letter-by-letter Azerbaijani Latin → Azerbaijani Cyrillic (the alphabet in use until 1991). */
    public static String toCyrillic(String latin) {
        return Transliteration.cyrillic(latin);
    }

    public static PersonName name(String givenNames, String surname, String patronymic, boolean withCyrillic) {
        return PersonName.newBuilder()
                .setGivenNames(givenNames)
                .setSurname(surname)
                .setPatronymic(patronymic)
                .setNativeScript(withCyrillic ? nativeScript(givenNames, surname, patronymic) : null)
                .build();
    }
}
