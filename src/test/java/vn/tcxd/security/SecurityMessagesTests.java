package vn.tcxd.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityMessagesTests {

    @Test
    void shouldHaveSameKeysInVietnameseAndEnglish() throws IOException {
        Properties vietnamese = load("/i18n/security.properties");
        Properties english = load("/i18n/security_en.properties");

        assertThat(vietnamese).isNotEmpty();
        assertThat(english.stringPropertyNames()).isEqualTo(vietnamese.stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SecurityMessagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
