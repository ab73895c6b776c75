package org.kglab.identity.admin;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.jspecify.annotations.Nullable;

/**
 * @param adminEmail the account that becomes the first administrator ({@code KGLAB_ADMIN_EMAIL}) once
 *                   its address is verified, so that registering the address first gains nobody anything
 */
@ConfigurationProperties("kglab.auth")
record AdminProperties(@Nullable String adminEmail) {
}
