package org.kglab.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * The SMTP server account mail goes through ({@code KGLAB_SMTP_*}). Without a host, mail is
 * written to the log instead.
 *
 * @param host     the server; unset means no SMTP
 * @param port     587 (submission with STARTTLS) unless told otherwise
 * @param username with {@code password}, for servers that need a login
 * @param from     the sender address
 * @param starttls NONE (local relays, tests), OPTIONAL (upgrade when offered) or REQUIRED (the default)
 * @param timeout  for connecting, reading and writing
 */
@ConfigurationProperties("kglab.smtp")
public record SmtpProperties(
        @Nullable String host,
        @Bindable(defaultValue = "587") int port,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "Knowledge Graph Lab <no-reply@localhost>") String from,
        @Bindable(defaultValue = "REQUIRED") StartTls starttls,
        @Bindable(defaultValue = "10s") Duration timeout) {

    public enum StartTls { NONE, OPTIONAL, REQUIRED }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SmtpProperties[host=" + host + ", port=" + port + ", username=" + username + ", from=" + from
                + ", starttls=" + starttls + "]";
    }
}
