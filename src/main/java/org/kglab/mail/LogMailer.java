package org.kglab.mail;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without SMTP, mail goes to the log, so that a local installation can still verify addresses and
 * reset passwords. The messages hold single-use links: configure SMTP anywhere the log is shared.
 */
@Singleton
@Requires(missingBeans = SmtpMailer.class)
final class LogMailer implements Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(LogMailer.class);

    LogMailer() {
        LOG.warn("No SMTP server is configured (KGLAB_SMTP_HOST): account mail will be written to this log.");
    }

    @Override
    public void send(Mail mail) {
        LOG.info("Mail to {}: {}\n{}", mail.to(), mail.subject(), mail.text());
    }
}
