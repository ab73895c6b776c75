-- Near-duplicate documents (README: Near-duplicates). Each document's MinHash signature, its LSH band hashes,
-- and the links between documents of one owner whose estimated Jaccard similarity is above 0.9.
-- Every table carries the owner, and the foreign keys run through (id, owner_id), so the schema itself
-- forbids comparing or linking documents of different owners; deleting a document deletes all of it.
ALTER TABLE documents ADD CONSTRAINT documents_id_owner_key UNIQUE (id, owner_id);

CREATE TABLE near_duplicate_signatures (
    document_id uuid      PRIMARY KEY,
    owner_id    uuid      NOT NULL,
    -- Which shingling, seed and hash count made the signature; another scheme means recomputing all of them.
    scheme      smallint  NOT NULL,
    signature   integer[] NOT NULL CHECK (array_ndims(signature) = 1),
    UNIQUE (document_id, owner_id),
    FOREIGN KEY (document_id, owner_id) REFERENCES documents (id, owner_id) ON DELETE CASCADE ON UPDATE CASCADE
);

-- One row per band of a signature. Candidates are found by looking up a new signature's band hashes among
-- the owner's, never by comparing with every document; document_id is in the index so that the lookup
-- reads the index alone.
CREATE TABLE near_duplicate_bands (
    document_id uuid     NOT NULL,
    band        smallint NOT NULL,
    owner_id    uuid     NOT NULL,
    hash        bigint   NOT NULL,
    PRIMARY KEY (document_id, band),
    FOREIGN KEY (document_id, owner_id) REFERENCES near_duplicate_signatures (document_id, owner_id)
        ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX near_duplicate_bands_lookup_idx ON near_duplicate_bands (owner_id, band, hash) INCLUDE (document_id);

-- One row per linked pair: document_id was recorded after duplicate_of. Read in both directions, through
-- the primary key and the index on duplicate_of.
CREATE TABLE near_duplicates (
    document_id  uuid        NOT NULL,
    duplicate_of uuid        NOT NULL CHECK (duplicate_of <> document_id),
    owner_id     uuid        NOT NULL,
    similarity   real        NOT NULL CHECK (similarity > 0 AND similarity <= 1),
    detected_at  timestamptz NOT NULL,
    PRIMARY KEY (document_id, duplicate_of),
    FOREIGN KEY (document_id, owner_id) REFERENCES documents (id, owner_id) ON DELETE CASCADE ON UPDATE CASCADE,
    FOREIGN KEY (duplicate_of, owner_id) REFERENCES documents (id, owner_id) ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX near_duplicates_duplicate_of_idx ON near_duplicates (duplicate_of);
CREATE UNIQUE INDEX near_duplicates_pair_idx
    ON near_duplicates (LEAST(document_id, duplicate_of), GREATEST(document_id, duplicate_of));
