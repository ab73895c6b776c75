package org.kglab.duplicates;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Signatures, band hashes and links. Every lookup is keyed by the owner, and the foreign keys through
 * (document, owner) keep each row with its document's owner (migration V10).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Signatures extends GenericRepository<Signature, UUID> {

    /**
     * Serialises recording within one owner, across instances, until the transaction ends: two
     * near-identical documents recorded at once would otherwise miss each other's uncommitted bands.
     */
    @Query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(1853, hashtext(CAST(:owner AS text)))) AS locked")
    int lockOwner(UUID owner);

    /** Forgets what an earlier recording of the document left: signature, bands (by cascade) and links. */
    @Query("""
            WITH links AS (DELETE FROM near_duplicates WHERE document_id = :document OR duplicate_of = :document)
            DELETE FROM near_duplicate_signatures WHERE document_id = :document
            """)
    void forget(UUID document);

    @Query("""
            INSERT INTO near_duplicate_signatures (document_id, owner_id, scheme, signature)
            VALUES (:document, :owner, :scheme, :signature)
            """)
    void insertSignature(UUID document, UUID owner, short scheme,
                         @TypeDef(type = DataType.INTEGER_ARRAY) int[] signature);

    @Query("""
            INSERT INTO near_duplicate_bands (document_id, band, owner_id, hash)
            SELECT :document, CAST(b.ordinality - 1 AS smallint), :owner, b.hash
            FROM unnest(:hashes) WITH ORDINALITY AS b(hash, ordinality)
            """)
    void insertBands(UUID document, UUID owner, @TypeDef(type = DataType.LONG_ARRAY) long[] hashes);

    /**
     * The signatures of the owner's documents that share at least one band hash with {@code hashes}
     * (band {@code i} is {@code hashes[i]}), those sharing most bands first: one index lookup per band.
     */
    @Query("""
            SELECT s.document_id, s.signature
            FROM (SELECT b.document_id, count(*) AS shared
                  FROM unnest(:hashes) WITH ORDINALITY AS q(hash, ordinality)
                  JOIN near_duplicate_bands b
                    ON b.owner_id = :owner AND b.band = q.ordinality - 1 AND b.hash = q.hash
                  WHERE b.document_id <> :document
                  GROUP BY b.document_id
                  ORDER BY shared DESC, b.document_id
                  LIMIT :limit) AS c
            JOIN near_duplicate_signatures s ON s.document_id = c.document_id AND s.scheme = :scheme
            """)
    List<Signature> candidates(UUID document, UUID owner, @TypeDef(type = DataType.LONG_ARRAY) long[] hashes,
                               short scheme, int limit);

    @Query("""
            INSERT INTO near_duplicates (document_id, duplicate_of, owner_id, similarity, detected_at)
            VALUES (:document, :duplicateOf, :owner, :similarity, :detectedAt)
            ON CONFLICT DO NOTHING
            """)
    void link(UUID document, UUID duplicateOf, UUID owner, float similarity, Instant detectedAt);

    /**
     * The near-duplicates of each of {@code documents} that the viewer may see, both directions of
     * each link, at most {@code limit} per document, most similar first.
     */
    @Query("""
            SELECT source, other, similarity FROM (
                SELECT l.source, l.other, l.similarity,
                       row_number() OVER (PARTITION BY l.source ORDER BY l.similarity DESC, o.created_at DESC, o.id)
                           AS rank
                FROM (SELECT document_id AS source, duplicate_of AS other, similarity
                      FROM near_duplicates WHERE document_id IN (:documents)
                      UNION ALL
                      SELECT duplicate_of, document_id, similarity
                      FROM near_duplicates WHERE duplicate_of IN (:documents)) AS l
                JOIN documents s ON s.id = l.source AND visible_to(s.owner_id, s.visibility, :viewer)
                JOIN documents o ON o.id = l.other AND visible_to(o.owner_id, o.visibility, :viewer)
            ) AS ranked
            WHERE rank <= :limit
            ORDER BY source, rank
            """)
    List<Link> linksVisibleTo(Collection<UUID> documents, UUID viewer, int limit);
}
