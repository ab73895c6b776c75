-- A document's text in passages of a few hundred tokens, each with its exact place in the extracted text
-- (character offsets, page, heading path), so that search can cite and highlight it, and with the vector of
-- the embedding model that read it.
--
-- One vector space per column. Every vector is stored with the id of the model that made it and its
-- dimension, and every similarity query filters on embedding_model, so vectors of two models are never
-- compared. The column has the dimension of the default model (BGE-small-en-v1.5, 384) because an HNSW
-- index needs a fixed dimension. A model of another dimension gets a column of its own in a new migration
-- (embedding_768 vector(768) and its own HNSW index), rather than an untyped vector column with one partial
-- expression index per model, whose queries must repeat the index's cast exactly to use it. The service
-- refuses to start when the configured model's dimension has no column.
CREATE TABLE chunks (
    id               uuid        PRIMARY KEY,
    document_id      uuid        NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    -- 0, 1, 2... in reading order within the document.
    ordinal          integer     NOT NULL CHECK (ordinal >= 0),
    text             text        NOT NULL,
    -- substr(document text, start_offset + 1, end_offset - start_offset) is the chunk's text (UTF-16 offsets
    -- of the extracted text as the service holds it; equal to PostgreSQL's character offsets outside the
    -- supplementary planes).
    start_offset     integer     NOT NULL CHECK (start_offset >= 0),
    end_offset       integer     NOT NULL CHECK (end_offset > start_offset),
    -- 1-based page the chunk starts on, for formats with pages (PDF); NULL otherwise.
    page             integer     CHECK (page >= 1),
    -- The headings above the chunk, outermost first, joined by ' > '; empty before the first heading.
    heading_path     text        NOT NULL DEFAULT '',
    token_count      integer     NOT NULL CHECK (token_count >= 0),
    embedding        vector(384),
    embedding_model  text,
    embedding_dim    integer,
    created_at       timestamptz NOT NULL,
    -- For keyword search.
    text_search      tsvector    GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    UNIQUE (document_id, ordinal),
    CHECK ((embedding IS NULL) = (embedding_model IS NULL) AND (embedding IS NULL) = (embedding_dim IS NULL)),
    CHECK (embedding IS NULL OR vector_dims(embedding) = embedding_dim)
);

-- Nearest neighbours by cosine distance (ORDER BY embedding <=> :query).
CREATE INDEX chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops);
CREATE INDEX chunks_text_search_idx ON chunks USING gin (text_search);

-- The version of a document's set of chunks: bumped each time they are replaced, so that the graph applies
-- a replacement only when it is newer than the one it holds.
ALTER TABLE documents ADD COLUMN chunks_version bigint NOT NULL DEFAULT 0;
