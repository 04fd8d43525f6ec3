package org.readmission.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void foldsAzerbaijaniLatinCyrillicAndUsualTransliterationsOfOneSurname() {
        assertThat(NameKey.phonetic("Məmmədov")).isEqualTo(NameKey.phonetic("Mammadov"))
                .isEqualTo(NameKey.phonetic("Mamedov")).isEqualTo(NameKey.phonetic("Мамедов"))
                .isEqualTo(NameKey.phonetic("Мәммәдов")).isEqualTo(NameKey.phonetic("MAMMADOV"));
    }

    @Test
    void foldsTheLettersTransliterationsConfuse() {
        assertThat(NameKey.phonetic("Əliyev")).isEqualTo(NameKey.phonetic("Aliev")).isEqualTo(NameKey.phonetic("Алиев"));
        assertThat(NameKey.phonetic("Şükürov")).isEqualTo(NameKey.phonetic("Shukurov")).isEqualTo(NameKey.phonetic("Шукуров"));
        assertThat(NameKey.phonetic("Cəfərov")).isEqualTo(NameKey.phonetic("Jafarov")).isEqualTo(NameKey.phonetic("Джафаров"))
                .isEqualTo(NameKey.phonetic("Dzhafarov"));
        assertThat(NameKey.phonetic("Çingiz")).isEqualTo(NameKey.phonetic("Chingiz")).isEqualTo(NameKey.phonetic("Чингиз"));
        assertThat(NameKey.phonetic("Toğrul")).isEqualTo(NameKey.phonetic("Toghrul")).isEqualTo(NameKey.phonetic("Togrul"));
        assertThat(NameKey.phonetic("Xəlilov")).isEqualTo(NameKey.phonetic("Khalilov")).isEqualTo(NameKey.phonetic("Халилов"))
                .isEqualTo(NameKey.phonetic("Halilov"));
        assertThat(NameKey.phonetic("Hüseynov")).isEqualTo(NameKey.phonetic("Guseynov")).isEqualTo(NameKey.phonetic("Гусейнов"))
                .isEqualTo(NameKey.phonetic("Huseinov"));
        assertThat(NameKey.phonetic("Quliyev")).isEqualTo(NameKey.phonetic("Guliyev"));
        assertThat(NameKey.phonetic("İsmayılov")).isEqualTo(NameKey.phonetic("Ismayilov")).isEqualTo(NameKey.phonetic("Исмаилов"));
        assertThat(NameKey.phonetic("Gülnarə")).isEqualTo(NameKey.phonetic("Gulnara")).isEqualTo(NameKey.phonetic("Гюльнара"));
        assertThat(NameKey.phonetic("Jalə")).isEqualTo(NameKey.phonetic("Zhala"));
    }

    @Test
    void keepsDifferentNamesApart() {
        assertThat(NameKey.phonetic("Məmmədov")).isNotEqualTo(NameKey.phonetic("Məmmədli"));
        assertThat(NameKey.phonetic("Əliyev")).isNotEqualTo(NameKey.phonetic("Əliyeva"));
        assertThat(NameKey.phonetic("Kərimov")).isNotEqualTo(NameKey.phonetic("Rəhimov"));
    }

    @Test
    void keysSurnameAndFirstGivenName() {
        assertThat(NameKey.of("Məmmədov", "Elvin Rauf")).isEqualTo(NameKey.of("MAMEDOV", "ELVIN"));
        assertThat(NameKey.of("Məmmədov", "Elvin")).isNotEqualTo(NameKey.of("Məmmədov", "Elnur"));
    }

    @Test
    void writesNamesAsAMachineReadableZoneDoes() {
        assertThat(Transliteration.toMrz("Məmmədov")).isEqualTo("MAMMADOV");
        assertThat(Transliteration.toMrz("Ana Mariya")).isEqualTo("ANA<MARIYA");
        assertThat(Transliteration.toMrz("Şükürova")).isEqualTo("SUKUROVA");
        assertThat(Transliteration.toMrz("İsmayılov")).isEqualTo("ISMAYILOV");
        assertThat(Transliteration.latin("Мамедов")).isEqualTo("mamedov");
    }

    @Test
    void writesAzerbaijaniLatinInCyrillicAndReadsItBack() {
        assertThat(Transliteration.cyrillic("Məmmədov Elvin Əli oğlu")).isEqualTo("Мәммәдов Елвин Әли оғлу");
        assertThat(NameKey.phonetic(Transliteration.cyrillic("Hüseynova"))).isEqualTo(NameKey.phonetic("Hüseynova"));
    }
}
