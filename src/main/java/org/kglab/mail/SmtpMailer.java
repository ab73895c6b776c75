package org.kglab.mail;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends mail through the configured SMTP server with Jakarta Mail. */
@Singleton
@Requires(property = "kglab.smtp.host", pattern = ".+")
final class SmtpMailer implements Mailer {

    private final SmtpProperties smtp;
    private final Session session;

    SmtpMailer(SmtpProperties smtp) {
        this.smtp = smtp;
        this.session = Session.getInstance(sessionProperties(smtp));
    }

    @Override
    public void send(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            if (smtp.username() != null && !smtp.username().isBlank()) {
                Transport.send(message, smtp.username(), smtp.password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new MailNotSent("Could not send mail through " + smtp.host() + ":" + smtp.port(), e);
        }
    }

    private static Properties sessionProperties(SmtpProperties smtp) {
        var properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls() != SmtpProperties.StartTls.NONE));
        properties.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls() == SmtpProperties.StartTls.REQUIRED));
        String timeout = String.valueOf(smtp.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        return properties;
    }
}
