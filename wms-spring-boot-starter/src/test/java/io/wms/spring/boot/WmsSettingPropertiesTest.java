package io.wms.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

import io.wms.core.WmsConfig;
import io.wms.core.WmsSetting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every row of wms's settings table is readable under the starter from the Spring property the row names: a
 * {@code spring.datasource.*} property reaches the application's HikariCP pool as wms's own pool would take the
 * setting, and a {@code wms.*} property is bound by the starter. Nothing connects: wms does not migrate here and the
 * pool opens lazily.
 */
class WmsSettingPropertiesTest {

    private static final String DATA_SOURCE = "spring.datasource.";
    private static final String POOL = DATA_SOURCE + "hikari.";
    private static final String DRIVER_PROPERTIES = POOL + "data-source-properties.";
    private static final String WMS = "wms.";

    private static final WmsConfig DEFAULTS = WmsConfig.builder().build();

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, WmsAutoConfiguration.class))
                .withPropertyValues(DATA_SOURCE + "url=" + DEFAULTS.jdbcUrl(), "wms.auto-migrate=false");
    }

    @ParameterizedTest
    @EnumSource(WmsSetting.class)
    void isReadFromItsSpringProperty(WmsSetting setting) {
        WmsConfig config = WmsConfig.fromEnv(Map.of(setting.environmentVariable(), setting.example()));
        String value = inSpringTerms(setting, config);
        assertThat(value).as("%s for %s=%s", setting.springProperty(), setting.environmentVariable(),
                setting.example()).isNotEqualTo(inSpringTerms(setting, DEFAULTS));

        runner().withPropertyValues(setting.springProperty() + "=" + value).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(bound(context, setting.springProperty())).as(setting.springProperty()).isEqualTo(value);
        });
    }

    /** The value a configuration gives the setting, as its Spring property writes it. */
    private static String inSpringTerms(WmsSetting setting, WmsConfig config) {
        String property = setting.springProperty();
        if (property.equals(DATA_SOURCE + "url")) {
            return config.jdbcUrl();
        }
        if (property.startsWith(DRIVER_PROPERTIES)) {
            return config.connectionProperties().get(property.substring(DRIVER_PROPERTIES.length()));
        }
        Object value = accessor(setting, config);
        // HikariCP counts its times in milliseconds.
        return value instanceof Duration duration && property.startsWith(POOL)
                ? Long.toString(duration.toMillis()) : String.valueOf(value);
    }

    /** The value Spring bound for a property: on the application's pool, or on the starter's properties. */
    private static String bound(AssertableApplicationContext context, String property) {
        Object target = property.startsWith(WMS) ? context.getBean(WmsProperties.class)
                : context.getBean(DataSource.class);
        String path;
        if (property.startsWith(DRIVER_PROPERTIES)) {
            path = "dataSourceProperties[" + property.substring(DRIVER_PROPERTIES.length()) + "]";
        } else if (property.startsWith(POOL)) {
            path = camelCase(property.substring(POOL.length()));
        } else if (property.startsWith(WMS)) {
            path = camelCase(property.substring(WMS.length()));
        } else {
            String name = property.substring(DATA_SOURCE.length());
            path = name.equals("url") ? "jdbcUrl" : name;
        }
        return String.valueOf(new BeanWrapperImpl(target).getPropertyValue(path));
    }

    private static String camelCase(String kebabCase) {
        StringBuilder camel = new StringBuilder();
        for (String word : kebabCase.split("-")) {
            camel.append(camel.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return camel.toString();
    }

    private static Object accessor(WmsSetting setting, WmsConfig config) {
        try {
            return WmsConfig.class.getMethod(setting.method()).invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("WmsConfig has no accessor " + setting.method(), e);
        }
    }
}
