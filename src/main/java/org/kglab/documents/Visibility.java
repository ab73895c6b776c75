package org.kglab.documents;

/** Who may read a document besides its owner: nobody, or every signed-in user. */
public enum Visibility {
    PRIVATE,
    PUBLIC
}
