package vn.tcxd;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vietnamese first, English second: every bundle has the same keys in both languages and no
 * Vietnamese text is left empty.
 */
class I18nBundlesTests {

    @Test
    void shouldHaveTheSameKeysInVietnameseAndEnglish() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties");
        int checked = 0;
        for (Resource bundle : bundles) {
            String name = bundle.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            Properties vi = load(bundle);
            Resource en = bundle.createRelative(name.replace(".properties", "_en.properties"));
            assertThat(en.exists()).as("English bundle for %s", name).isTrue();
            Set<String> viKeys = new TreeSet<>(vi.stringPropertyNames());
            Set<String> enKeys = new TreeSet<>(load(en).stringPropertyNames());
            assertThat(enKeys).as("keys of %s", name).isEqualTo(viKeys);
            viKeys.forEach(key -> assertThat(vi.getProperty(key)).as(key).isNotBlank());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }

    private static Properties load(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
