package io.wms.core.internal.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.wms.core.auth.PasswordPolicy;
import org.junit.jupiter.api.Test;

/** Compares the hashing work of failed logins, in bcrypt rounds, rather than their time on a busy machine. */
class PasswordsWorkTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy(10, 8);

    private static String hashOfCost(int cost, String password) {
        return new String(BCrypt.with(BCrypt.Version.VERSION_2B).hash(cost, password.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII);
    }

    private static long roundsOf(Passwords passwords, Runnable login) {
        long before = passwords.roundsSpent();
        login.run();
        return passwords.roundsSpent() - before;
    }

    @Test
    void aWrongPasswordAgainstACheaperStoredHashCostsAsMuchAsAnUnknownEmail() {
        Passwords passwords = new Passwords(POLICY);
        String olderCheaperHash = hashOfCost(6, "correct horse");

        long unknownEmail = roundsOf(passwords, () -> passwords.verifyAgainstDummy("wrong horse"));
        long cheaperHash = roundsOf(passwords, () -> passwords.verifyInPolicyTime("wrong horse", olderCheaperHash));

        assertThat(unknownEmail).isEqualTo(1L << POLICY.cost());
        assertThat(cheaperHash).isEqualTo(unknownEmail);
    }

    @Test
    void aHashOfThePolicysCostIsVerifiedOnce() {
        Passwords passwords = new Passwords(POLICY);
        String hash = hashOfCost(POLICY.cost(), "correct horse");

        assertThat(roundsOf(passwords, () -> assertThat(passwords.verifyInPolicyTime("correct horse", hash)).isTrue()))
                .isEqualTo(1L << POLICY.cost());
    }
}
