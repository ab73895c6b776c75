package org.kglab.ingestion.web;

import org.kglab.platform.Failure;

/** The URL leads to an address this service may not fetch from: its own machine, a private network, … */
public final class AddressNotAllowed extends Failure {

    AddressNotAllowed(String what, String reason) {
        super(Kind.BAD_REQUEST, "Address not allowed: " + what + " is " + reason
                + ". Only public addresses are fetched unless KGLAB_FETCH_ALLOW lists the host.");
    }
}
