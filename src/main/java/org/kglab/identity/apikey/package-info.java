/**
 * API keys: long-lived credentials with scopes, for scripts and services, sent as a bearer token or
 * in {@code X-API-Key}.
 */
@NullMarked
package org.kglab.identity.apikey;

import org.jspecify.annotations.NullMarked;
