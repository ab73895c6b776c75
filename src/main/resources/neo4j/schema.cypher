// Applied at start, before any projection. Every statement is idempotent.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
// Every read on behalf of a user filters on the owner.
CREATE INDEX document_owner IF NOT EXISTS FOR (d:Document) ON (d.ownerId);
// A chunk is reached through its document, and its id names it across replacements.
CREATE CONSTRAINT chunk_id IF NOT EXISTS FOR (c:Chunk) REQUIRE c.id IS UNIQUE;
