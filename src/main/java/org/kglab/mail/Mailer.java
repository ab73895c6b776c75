package org.kglab.mail;

/** Sends mail. Two adapters: {@link SmtpMailer} when {@code KGLAB_SMTP_HOST} is set, {@link LogMailer} otherwise. */
public interface Mailer {

    /** @throws MailNotSent when the message could not be handed to the mail server */
    void send(Mail mail);
}
