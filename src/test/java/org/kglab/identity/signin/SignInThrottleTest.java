package org.kglab.identity.signin;

import org.junit.jupiter.api.Test;
import org.kglab.identity.user.Emails;
import org.kglab.support.TestClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {

    private static final String ADA = "ada@example.org";
    private static final String ATTACKER = "203.0.113.66";
    private static final String OWNER = "192.0.2.1";

    private final TestClock clock = TestClock.startingAt(Instant.parse("2026-03-01T12:00:00Z"));
    /** 3 calls a minute per client; 2 failures lock a client out of an account for 15 minutes; past 3
     * failures on an account, clients that failed wait 1 s, 2 s, 4 s… up to 10 s; forgotten after an hour. */
    private final SignInThrottle throttle = new SignInThrottle(new SignInLimitProperties(3, Duration.ofMinutes(1),
            2, Duration.ofMinutes(15), 3, Duration.ofSeconds(10), Duration.ofHours(1), 2, Duration.ofHours(1)), clock);

    @Test
    void admitsAClientUpToItsLimitThenSaysWhenToRetry() {
        for (int i = 0; i < 3; i++) {
            throttle.admitClient(OWNER);
        }
        assertThatThrownBy(() -> throttle.admitClient(OWNER))
                .isInstanceOfSatisfying(TooManyAttempts.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 60L));
    }

    @Test
    void countsEachClientSeparately() {
        for (int i = 0; i < 3; i++) {
            throttle.admitClient(OWNER);
        }
        assertThatCode(() -> throttle.admitClient("192.0.2.2")).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.admitClient(OWNER)).isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void countsAnIpv6SubscriberPrefixAsOneClient() {
        for (int i = 0; i < 3; i++) {
            throttle.admitClient("2001:db8:0:7::" + (i + 1));
        }
        assertThatThrownBy(() -> throttle.admitClient("2001:db8:0:7:ffff::9")).isInstanceOf(TooManyAttempts.class);
        assertThatCode(() -> throttle.admitClient("2001:db8:0:8::1")).doesNotThrowAnyException();
    }

    @Test
    void locksOutOnlyTheClientThatFailedAndOnlyFromThatAccount() {
        fail(ADA, ATTACKER);
        assertThatCode(() -> throttle.checkLogin(ADA, ATTACKER)).doesNotThrowAnyException();
        fail(ADA, ATTACKER);

        assertThatThrownBy(() -> throttle.checkLogin(ADA, ATTACKER))
                .isInstanceOfSatisfying(TooManyAttempts.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 15 * 60L));
        assertThatCode(() -> throttle.checkLogin(ADA, OWNER)).doesNotThrowAnyException();
        assertThatCode(() -> throttle.checkLogin("bob@example.org", ATTACKER)).doesNotThrowAnyException();
    }

    @Test
    void aClientsLockEndsAsItsFailuresAreForgiven() {
        fail(ADA, ATTACKER);
        fail(ADA, ATTACKER);
        clock.advance(Duration.ofMinutes(8));
        assertThatCode(() -> throttle.checkLogin(ADA, ATTACKER)).doesNotThrowAnyException();
    }

    @Test
    void everySpellingOfAnAddressSharesOneLockWithTheAccountLookup() {
        String composed = "am\u00e9lie@example.org";
        String decomposed = "  Ame\u0301lie@Example.ORG ";
        fail(Emails.key(decomposed), ATTACKER);
        fail(Emails.key(decomposed), ATTACKER);

        assertThat(Emails.key(decomposed)).isEqualTo(Emails.normalise(composed));
        assertThatThrownBy(() -> throttle.checkLogin(Emails.key(composed), ATTACKER))
                .isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void slowsDownOnlyClientsThatFailedOnceAnAccountIsGuessedAtFromMany() {
        for (int i = 1; i <= 4; i++) {
            fail(ADA, "198.51.100." + i);
        }

        assertThatThrownBy(() -> throttle.checkLogin(ADA, "198.51.100.1"))
                .isInstanceOfSatisfying(TooManyAttempts.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        assertThatCode(() -> throttle.checkLogin(ADA, OWNER)).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.checkLogin(ADA, "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void doublesTheWaitWithEachFurtherFailureUpToTheCap() {
        for (int i = 1; i <= 6; i++) {
            fail(ADA, "198.51.100." + i);
        }
        assertThat(waitFor(ADA, "198.51.100.1")).isEqualTo(4);
        for (int i = 7; i <= 12; i++) {
            fail(ADA, "198.51.100." + i);
        }
        assertThat(waitFor(ADA, "198.51.100.1")).isEqualTo(10);
        assertThatCode(() -> throttle.checkLogin(ADA, OWNER)).doesNotThrowAnyException();
    }

    @Test
    void forgetsAnAccountsFailuresAfterAQuietWindow() {
        for (int i = 1; i <= 8; i++) {
            fail(ADA, "198.51.100." + i);
        }
        clock.advance(Duration.ofHours(1));
        assertThatCode(() -> throttle.checkLogin(ADA, "198.51.100.1")).doesNotThrowAnyException();
    }

    private void fail(String account, String client) {
        throttle.recordFailure(account, client);
    }

    private long waitFor(String account, String client) {
        try {
            throttle.checkLogin(account, client);
            return 0;
        } catch (TooManyAttempts e) {
            return e.retryAfterSeconds();
        }
    }
}
