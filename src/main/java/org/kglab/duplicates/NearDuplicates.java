package org.kglab.duplicates;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.documents.Document;
import org.kglab.documents.DocumentId;
import org.kglab.documents.DocumentService;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.identity.access.UserId;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds and links documents of one owner whose texts are more than 90% alike. Both are kept; the
 * link says that they nearly repeat each other. {@link #record} is the one step ingestion calls for
 * each stored document.
 */
@Singleton
public class NearDuplicates {

    /** The most near-duplicates one document's list returns. */
    public static final int MAX_LISTED = 50;
    /**
     * Candidates confirmed per recording, those sharing most bands first. Far more than real corpora
     * produce; it bounds the work when thousands of copies of one text exist.
     */
    static final int MAX_CANDIDATES = 500;

    private final Signatures signatures;
    private final DocumentService documents;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    NearDuplicates(Signatures signatures, DocumentService documents, TransactionOperations<Connection> transactions,
                   Clock clock) {
        this.signatures = signatures;
        this.documents = documents;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Computes the signature of a stored document's text, stores it with its band hashes, and links the
     * document with each of the owner's documents whose estimated similarity is above 0.9. Recording a
     * document again replaces what it recorded before. A text without words is recorded as nothing.
     *
     * @return how many near-duplicates were linked
     */
    public int record(DocumentId id, UserId owner, String text) {
        int @Nullable [] signature = MinHash.signature(text);
        UUID document = id.value();
        UUID ownerId = owner.value();
        Integer linked = transactions.executeWrite(status -> {
            signatures.lockOwner(ownerId);
            signatures.forget(document);
            if (signature == null) {
                return 0;
            }
            long[] bands = Bands.of(signature);
            signatures.insertSignature(document, ownerId, MinHash.SCHEME, signature);
            signatures.insertBands(document, ownerId, bands);
            int count = 0;
            for (Signature candidate : signatures.candidates(document, ownerId, bands, MinHash.SCHEME,
                    MAX_CANDIDATES)) {
                double similarity = MinHash.similarity(signature, candidate.signature());
                if (similarity > MinHash.THRESHOLD) {
                    signatures.link(document, candidate.documentId(), ownerId, (float) similarity, clock.instant());
                    count++;
                }
            }
            return count;
        });
        return linked == null ? 0 : linked;
    }

    /**
     * The near-duplicates of each document that the viewer may see, most similar first, at most
     * {@code limit} each (1..{@value #MAX_LISTED}). Documents without any are absent from the map.
     */
    public Map<DocumentId, List<NearDuplicate>> of(Caller viewer, Collection<DocumentId> ids, int limit) {
        viewer.require(Scope.READ);
        if (limit < 1 || limit > MAX_LISTED) {
            throw new InvalidListSize(limit);
        }
        Map<DocumentId, List<NearDuplicate>> found = new HashMap<>();
        List<UUID> keys = ids.stream().map(DocumentId::value).distinct().toList();
        if (keys.isEmpty()) {
            return found;
        }
        List<Link> links = signatures.linksVisibleTo(keys, viewer.id().value(), limit);
        Map<DocumentId, Document> others = documents.visible(viewer,
                links.stream().map(link -> new DocumentId(link.other())).toList());
        for (Link link : links) {
            Document other = others.get(new DocumentId(link.other()));
            if (other != null) {
                found.computeIfAbsent(new DocumentId(link.source()), k -> new ArrayList<>())
                        .add(new NearDuplicate(other, Math.round(link.similarity() * 1000) / 1000.0));
            }
        }
        return found;
    }
}
