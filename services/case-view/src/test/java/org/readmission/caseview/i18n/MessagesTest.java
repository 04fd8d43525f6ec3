package org.readmission.caseview.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every UI text has its Azerbaijani translation (and no translation lacks an English original). */
class MessagesTest {

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(MessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void azerbaijaniHasEveryKey() throws Exception {
        Properties en = load("messages.properties");
        Properties az = load("messages_az.properties");
        assertThat(az.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(az.stringPropertyNames()).allSatisfy(key -> assertThat(az.getProperty(key)).isNotBlank());
        assertThat(az.getProperty("nav.tasks")).isNotEqualTo(en.getProperty("nav.tasks"));
    }
}
