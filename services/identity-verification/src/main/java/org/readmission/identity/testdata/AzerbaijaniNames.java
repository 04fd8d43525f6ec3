package org.readmission.identity.testdata;

import java.util.List;

/** Common Azerbaijani given names and surnames (Azerbaijani Latin script), for fictitious persons. */
final class AzerbaijaniNames {

    static final List<String> MALE = List.of("Əli", "Elvin", "Rəşad", "Orxan", "Tural", "Kamran", "Vüqar", "Elşən",
            "Ramil", "Səbuhi", "Fərid", "Nicat", "Anar", "Cavid", "Elnur", "Ruslan", "Mübariz", "Şahin", "Xəyal",
            "Hüseyn", "Çingiz", "Ilkin", "Emin", "Murad", "Toğrul");
    static final List<String> FEMALE = List.of("Aygün", "Günel", "Leyla", "Nərmin", "Səbinə", "Aynur", "Ülviyyə",
            "Könül", "Fidan", "Şəbnəm", "Nigar", "Lalə", "Aysel", "Türkan", "Sevinc", "Zəhra", "Gülnarə", "Xədicə",
            "Səidə", "Mələk", "Jalə", "Rəna", "Esmira", "Nurlana", "Çinarə");
    /** Surnames in their male form; the female form adds "a" (-ov/-ova, -yev/-yeva); "-li" forms do not change. */
    static final List<String> SURNAMES = List.of("Məmmədov", "Əliyev", "Həsənov", "Hüseynov", "Quliyev", "Cəfərov",
            "Abbasov", "İsmayılov", "Rzayev", "Süleymanov", "Babayev", "Mustafayev", "Nəsirov", "Orucov", "Qasımov",
            "Xəlilov", "Şükürov", "Əhmədov", "Kərimov", "Vəliyev", "Əhmədli", "Hacıyev", "Ələkbərli", "Şirinov",
            "İbrahimov", "Bağırov", "Zeynalov", "Rəhimli", "Sadıqov", "Əsgərov");

    private AzerbaijaniNames() {
    }

    static String surname(String maleForm, char sex) {
        return sex == 'F' && !maleForm.endsWith("li") ? maleForm + "a" : maleForm;
    }

    /** "Əli oğlu" / "Əli qızı": the father's name and son / daughter. */
    static String patronymic(String father, char sex) {
        return father + (sex == 'F' ? " qızı" : " oğlu");
    }
}
