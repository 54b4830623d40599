package io.wms.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wms.core.Wms;
import io.wms.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @Test
    void defaultsAreCostTwelveAndEightCharacters() {
        assertThat(PasswordPolicy.defaults()).isEqualTo(new PasswordPolicy(12, 8));
    }

    @Test
    void costBelowTenIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new PasswordPolicy(9, 8))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        failure -> assertThat(failure.setting()).isEqualTo("passwordPolicy.cost"));
    }

    @ParameterizedTest(name = "cost {0}")
    @ValueSource(ints = {17, 31})
    void costAboveSixteenIsRefusedNamingTheSetting(int cost) {
        assertThatThrownBy(() -> PasswordPolicy.defaults().withCost(cost))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        failure -> assertThat(failure.setting()).isEqualTo("passwordPolicy.cost"));
    }

    @Test
    void minimumLengthBelowOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> PasswordPolicy.defaults().withMinimumLength(0))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        failure -> assertThat(failure.setting()).isEqualTo("passwordPolicy.minimumLength"));
    }

    @Test
    void theSeedsMinimumOfSixCanBeConfigured() {
        PasswordPolicy policy = PasswordPolicy.defaults().withMinimumLength(PasswordPolicy.SEED_MINIMUM_LENGTH);

        assertThat(policy.minimumLength()).isEqualTo(6);
        assertThat(Wms.builder().passwordPolicy(policy)).isNotNull();
    }
}
