// Applied at start, before any projection. Every statement is idempotent.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
// Every read on behalf of a user filters on the owner.
CREATE INDEX document_owner IF NOT EXISTS FOR (d:Document) ON (d.ownerId);
// A chunk is reached through its document, and its id names it across replacements.
CREATE CONSTRAINT chunk_id IF NOT EXISTS FOR (c:Chunk) REQUIRE c.id IS UNIQUE;
// Entities (graph.entity): one id each, and one node per owner and client key, or owner, type and normalised name.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT entity_merge_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.mergeKey IS UNIQUE;
// Lists filter on the owner and the type, and page newest first.
CREATE INDEX entity_owner IF NOT EXISTS FOR (e:Entity) ON (e.ownerId);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE INDEX entity_created IF NOT EXISTS FOR (e:Entity) ON (e.createdAt);
// Whatever copies entities elsewhere polls for changes by time, and for deletions by their tombstones.
CREATE INDEX entity_updated IF NOT EXISTS FOR (e:Entity) ON (e.updatedAt);
CREATE CONSTRAINT entity_tombstone_id IF NOT EXISTS FOR (t:EntityTombstone) REQUIRE t.id IS UNIQUE;
CREATE INDEX entity_tombstone_deleted IF NOT EXISTS FOR (t:EntityTombstone) ON (t.deletedAt);
// Search by name and aliases.
// Accents and letters such as ł are folded to ASCII on both sides, as in normalised query words.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]
    OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
