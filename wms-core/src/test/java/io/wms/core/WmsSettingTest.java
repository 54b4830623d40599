package io.wms.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the settings table is readable three ways, each found by the names the row gives: from its
 * environment variable, from its builder method, and through its accessor; no accessor or setter of
 * {@link WmsConfig} is missing from the table; and a {@code spring.datasource.*} property names the place where wms's
 * own pool takes the setting (the starter's tests check that Spring binds it there).
 */
class WmsSettingTest {

    private static final WmsConfig DEFAULTS = WmsConfig.builder().build();

    private static final String DATA_SOURCE = "spring.datasource.";
    private static final String DRIVER_PROPERTIES = DATA_SOURCE + "hikari.data-source-properties.";

    /** The methods of WmsConfig that are not settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("jdbcUrl", "connectionProperties", "toBuilder",
            "hashCode", "toString");

    @ParameterizedTest
    @EnumSource(WmsSetting.class)
    void isReadFromItsEnvironmentVariable(WmsSetting setting) throws Exception {
        WmsConfig config = WmsConfig.fromEnv(Map.of(setting.environmentVariable(), setting.example()));

        assertThat(accessor(config, setting)).as("%s=%s", setting.environmentVariable(), setting.example())
                .isNotEqualTo(accessor(DEFAULTS, setting));
    }

    @ParameterizedTest
    @EnumSource(WmsSetting.class)
    void isSetByItsBuilderMethodToWhatItsVariableSays(WmsSetting setting) throws Exception {
        WmsConfig fromEnvironment = WmsConfig.fromEnv(Map.of(setting.environmentVariable(), setting.example()));
        Object value = accessor(fromEnvironment, setting);

        WmsConfig.Builder builder = WmsConfig.builder();
        setter(setting).invoke(builder, value instanceof Optional<?> optional ? optional.orElseThrow() : value);

        assertThat(builder.build()).isEqualTo(fromEnvironment);
    }

    @ParameterizedTest
    @EnumSource(WmsSetting.class)
    void takesItsDefaultWhenNothingSetsIt(WmsSetting setting) throws Exception {
        Object value = accessor(DEFAULTS, setting);

        assertThat(value instanceof Optional<?> optional ? optional.orElse(null) : value)
                .isEqualTo(setting.defaultValue().orElse(null));
    }

    @ParameterizedTest
    @EnumSource(WmsSetting.class)
    void isNamedInTheDescriptionForLogs(WmsSetting setting) {
        assertThat(DEFAULTS.toString()).contains(setting.method() + "=");
    }

    @ParameterizedTest
    @MethodSource("settingsOfTheApplicationsPool")
    void itsSpringPropertyNamesWhereWmsOwnPoolTakesIt(WmsSetting setting) throws Exception {
        WmsConfig config = WmsConfig.fromEnv(Map.of(setting.environmentVariable(), setting.example()));

        assertThat(inPool(config, setting)).as(setting.springProperty()).isNotEqualTo(inPool(DEFAULTS, setting));
    }

    static Stream<WmsSetting> settingsOfTheApplicationsPool() {
        return Arrays.stream(WmsSetting.values()).filter(setting -> setting.springProperty().startsWith(DATA_SOURCE));
    }

    @Test
    void everyAccessorOfTheConfigurationIsARowOfTheTable() {
        Set<String> accessors = Arrays.stream(WmsConfig.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() == 0)
                .map(Method::getName)
                .filter(name -> !NOT_SETTINGS.contains(name))
                .collect(Collectors.toSet());

        assertThat(accessors).containsExactlyInAnyOrderElementsOf(methods());
    }

    @Test
    void everySetterOfTheBuilderIsARowOfTheTable() {
        Set<String> setters = Arrays.stream(WmsConfig.Builder.class.getMethods())
                .filter(method -> method.getReturnType() == WmsConfig.Builder.class)
                .map(Method::getName)
                .collect(Collectors.toSet());

        assertThat(setters).containsExactlyInAnyOrderElementsOf(methods());
    }

    private static Set<String> methods() {
        return Arrays.stream(WmsSetting.values()).map(WmsSetting::method).collect(Collectors.toSet());
    }

    /** The pool's property that the setting's Spring property names, on the pool wms opens for a configuration. */
    private static Object inPool(WmsConfig config, WmsSetting setting) throws Exception {
        HikariConfig pool = ConnectionSettings.hikariConfig(config, config.schema());
        String property = setting.springProperty();
        if (property.startsWith(DRIVER_PROPERTIES)) {
            return pool.getDataSourceProperties().get(property.substring(DRIVER_PROPERTIES.length()));
        }
        String last = property.substring(property.lastIndexOf('.') + 1);
        String name = last.equals("url") ? "jdbc-url" : last;
        StringBuilder getter = new StringBuilder("get");
        for (String word : name.split("-")) {
            getter.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return HikariConfig.class.getMethod(getter.toString()).invoke(pool);
    }

    private static Object accessor(WmsConfig config, WmsSetting setting) throws Exception {
        return WmsConfig.class.getMethod(setting.method()).invoke(config);
    }

    private static Method setter(WmsSetting setting) {
        return Arrays.stream(WmsConfig.Builder.class.getMethods())
                .filter(method -> method.getName().equals(setting.method()) && method.getParameterCount() == 1)
                .findFirst().orElseThrow();
    }
}
