-- Whether the stored text is the whole document: cut off at the extraction limit (truncated), or a
-- file that holds no text at all, such as a scanned PDF without a text layer (textless).
ALTER TABLE documents
    ADD COLUMN truncated boolean NOT NULL DEFAULT false,
    ADD COLUMN textless  boolean NOT NULL DEFAULT false;
