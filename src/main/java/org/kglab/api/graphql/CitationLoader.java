package org.kglab.api.graphql;

import jakarta.inject.Singleton;
import org.kglab.chunks.Chunk;
import org.kglab.chunks.ChunkService;
import org.kglab.documents.Document;
import org.kglab.documents.DocumentId;
import org.kglab.documents.DocumentService;
import org.kglab.graph.entity.EntityId;
import org.kglab.graph.entity.MentionService;
import org.kglab.graph.entity.MentionSite;
import org.kglab.identity.access.Caller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where a batch of entities is mentioned, for citations: the sites from the graph (one query), then the chunks and
 * documents of all of them from PostgreSQL (one query each, per 10,000 ids), where {@code visible_to} drops what
 * the caller may not see. The graph does not decide document access; PostgreSQL's one rule does.
 */
@Singleton
final class CitationLoader {

    static final int SLICE = 10_000;

    private final MentionService mentions;
    private final ChunkService chunks;
    private final DocumentService documents;

    CitationLoader(MentionService mentions, ChunkService chunks, DocumentService documents) {
        this.mentions = mentions;
        this.chunks = chunks;
        this.documents = documents;
    }

    Map<EntityId, Citations> load(Caller caller, Set<EntityId> ids) {
        Map<UUID, List<MentionSite>> sites = mentions.sites(caller, ids);
        List<MentionSite> all = sites.values().stream().flatMap(List::stream).toList();
        Map<UUID, Chunk> visibleChunks = new HashMap<>();
        inSlices(all.stream().map(MentionSite::chunkId).distinct().toList(),
                slice -> visibleChunks.putAll(chunks.visible(caller, slice)));
        Map<DocumentId, Document> visibleDocuments = new HashMap<>();
        inSlices(all.stream().filter(s -> visibleChunks.containsKey(s.chunkId()))
                        .map(s -> new DocumentId(s.documentId())).distinct().toList(),
                slice -> visibleDocuments.putAll(documents.visible(caller, slice)));
        Map<EntityId, Citations> loaded = HashMap.newHashMap(ids.size());
        for (EntityId id : ids) {
            List<EntityMention> cited = new ArrayList<>();
            for (MentionSite site : sites.getOrDefault(id.value(), List.of())) {
                Chunk chunk = visibleChunks.get(site.chunkId());
                Document document = visibleDocuments.get(new DocumentId(site.documentId()));
                if (chunk != null && document != null) {
                    cited.add(new EntityMention(chunk, document, site.start(), site.end(), site.confidence()));
                }
            }
            loaded.put(id, new Citations(cited));
        }
        return loaded;
    }

    /**
     * Each id is a bind parameter, and PostgreSQL takes at most 32,767 in one statement: a batch of more ids than a
     * slice (a page of hundreds of entities mentioned everywhere) costs one query per slice.
     */
    private static <T> void inSlices(List<T> ids, Consumer<List<T>> load) {
        for (int from = 0; from < ids.size(); from += SLICE) {
            load.accept(ids.subList(from, Math.min(ids.size(), from + SLICE)));
        }
    }

    /** A mention of an entity in a chunk the caller may see, with the chunk's document. */
    record EntityMention(Chunk chunk, Document document, int start, int end, double confidence) {
    }

    /** The visible mentions of one entity, in the graph's order: newest document first. */
    record Citations(List<EntityMention> all) {

        static final Citations NONE = new Citations(List.of());

        List<EntityMention> mentions(int first) {
            return all.subList(0, Math.min(first, all.size()));
        }

        List<Document> documents(int first) {
            Map<DocumentId, Document> distinct = new LinkedHashMap<>();
            for (EntityMention mention : all) {
                if (distinct.size() == first) {
                    break;
                }
                distinct.putIfAbsent(mention.document().documentId(), mention.document());
            }
            return List.copyOf(distinct.values());
        }
    }
}
