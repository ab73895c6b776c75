package org.kglab.mail;

/** The mail server refused the message or could not be reached. */
public final class MailNotSent extends RuntimeException {

    MailNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
