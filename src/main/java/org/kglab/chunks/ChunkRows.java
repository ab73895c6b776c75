package org.kglab.chunks;

import com.pgvector.PGvector;
import org.jspecify.annotations.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Inserts a document's chunks with their vectors in JDBC batches, on the connection of the replacing
 * transaction. This one statement is plain JDBC rather than a repository query because a repository
 * {@code @Query} cannot batch, and a long document has thousands of chunks. Vectors are bound as pgvector's
 * {@link PGvector}, a {@code PGobject} of type {@code vector}.
 */
final class ChunkRows {

    private static final int BATCH = 500;
    private static final String INSERT = """
            INSERT INTO chunks (id, document_id, ordinal, text, start_offset, end_offset, page, heading_path,
                                token_count, embedding, embedding_model, embedding_dim, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private ChunkRows() {
    }

    /** One row to insert; {@code vector} and {@code model} are both null or both set. */
    record Row(Chunk chunk, float @Nullable [] vector, @Nullable String model) {
    }

    static void insert(Connection connection, List<Row> rows, Instant createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (Row row : rows) {
                Chunk c = row.chunk();
                insert.setObject(1, c.id());
                insert.setObject(2, c.documentId());
                insert.setInt(3, c.ordinal());
                insert.setString(4, c.text());
                insert.setInt(5, c.startOffset());
                insert.setInt(6, c.endOffset());
                Integer page = c.page();
                if (page == null) {
                    insert.setNull(7, Types.INTEGER);
                } else {
                    insert.setInt(7, page);
                }
                insert.setString(8, c.headingPath());
                insert.setInt(9, c.tokenCount());
                float[] vector = row.vector();
                insert.setObject(10, vector == null ? null : new PGvector(vector));
                insert.setString(11, row.model());
                if (vector == null) {
                    insert.setNull(12, Types.INTEGER);
                } else {
                    insert.setInt(12, vector.length);
                }
                insert.setTimestamp(13, Timestamp.from(createdAt));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
