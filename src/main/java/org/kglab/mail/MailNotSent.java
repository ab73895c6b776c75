package org.kglab.mail;

import org.kglab.platform.Failure;

/** The mail server refused the message or could not be reached. */
public final class MailNotSent extends Failure {

    MailNotSent(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
