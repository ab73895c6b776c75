package org.kglab.graph.entity;

import java.util.List;
import java.util.UUID;

/** What a batch upsert did: the id of each input, in input order, and how many were new or already there. */
public record Upserted(List<UUID> ids, int created, int updated) {

    public Upserted {
        ids = List.copyOf(ids);
    }
}
