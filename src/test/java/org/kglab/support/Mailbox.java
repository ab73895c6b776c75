package org.kglab.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on a free local port, for tests of the mail the service sends.
 * Start one per test class and hand {@link #smtpProperties()} to the service.
 */
public final class Mailbox implements AutoCloseable {

    public static final String FROM = "Knowledge Graph Lab <accounts@kglab.test>";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    public Mailbox() {
        server.start();
    }

    public Map<String, String> smtpProperties() {
        return Map.of(
                "kglab.smtp.host", "127.0.0.1",
                "kglab.smtp.port", String.valueOf(server.getSmtp().getPort()),
                "kglab.smtp.starttls", "NONE",
                "kglab.smtp.from", FROM);
    }

    public void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for a message to {@code to} whose text holds a token starting with {@code prefix} that
     * no earlier call has returned, so that a test never picks up a token meant for another.
     */
    public Received awaitToken(String to, String prefix) {
        Pattern token = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_-]{43}");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> messages = messagesTo(to);
            for (MimeMessage message : messages.reversed()) {
                Matcher matcher = token.matcher(text(message));
                if (matcher.find() && seen.add(matcher.group())) {
                    return new Received(message, matcher.group());
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No mail to " + to + " with a " + prefix + " token within " + WAIT.toSeconds() + " s");
    }

    public List<MimeMessage> messagesTo(String to) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isTo(message, to)).toList();
    }

    private static boolean isTo(MimeMessage message, String to) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(to));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text: quoted-printable soft line breaks would otherwise split long links. */
    static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A message and the token found in it. */
    public record Received(MimeMessage message, String token) {

        public String subject() {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String from() {
            try {
                return message.getFrom()[0].toString();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String text() {
            return Mailbox.text(message);
        }
    }
}
