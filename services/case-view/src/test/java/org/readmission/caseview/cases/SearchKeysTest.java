package org.readmission.caseview.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchKeysTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "Məmmədov, Mammadov", "Məmmədov, Mamedov", "Məmmədov, Мамедов", "Məmmədov, Маммадов",
            "Əliyev, Aliyev", "Əliyev, Aliev", "Əliyev, Алиев",
            "Hüseynov, Guseynov", "Hüseynov, Гусейнов", "Hüseynov, Huseinov",
            "Xəlilov, Khalilov", "Xəlilov, Халилов",
            "Şahin, Shahin", "Çələbi, Chelebi", "Ağayev, Aghayev", "Ağayev, Агаев",
            "Qasımov, Gasimov", "Cəfərov, Jafarov", "Cəfərov, Джафаров", "Quliyev, Guliyev"})
    void foldsSpellingsOfTheSameNameTogether(String one, String other) {
        assertThat(SearchKeys.of(one)).isEqualTo(SearchKeys.of(other));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource({"Məmmədov, Mahmudov", "Əliyev, Əlizadə", "Quliyev, Qasımov"})
    void keepsDifferentNamesApart(String one, String other) {
        assertThat(SearchKeys.of(one)).isNotEqualTo(SearchKeys.of(other));
    }

    @ParameterizedTest
    @CsvSource({"c 123-45 67, C1234567"})
    void comparesDocumentNumbersByLettersAndDigits(String typed, String stored) {
        assertThat(SearchKeys.documentNumber(typed)).isEqualTo(stored);
    }
}
