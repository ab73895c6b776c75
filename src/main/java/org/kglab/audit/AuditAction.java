package org.kglab.audit;

/** What the audit trail records. Stored by name, so names never change once released. */
public enum AuditAction {
    ACCOUNT_REGISTERED,
    /** Someone tried to register an address that has an account; its owner was told. */
    REGISTRATION_OF_EXISTING_ADDRESS,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    REFRESH_TOKEN_REUSED,
    EMAIL_VERIFIED,
    PASSWORD_CHANGED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    USER_DISABLED,
    USER_ENABLED,
    ROLE_CHANGED,
    DOCUMENT_DELETED
}
