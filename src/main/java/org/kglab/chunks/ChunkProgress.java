package org.kglab.chunks;

/** Hears how far {@link ChunkService#replaceChunks} has got: each step's fraction done, from 0 to 1. */
@FunctionalInterface
public interface ChunkProgress {

    ChunkProgress NONE = (step, fraction) -> { };

    enum Step { CHUNKING, EMBEDDING, STORING }

    /** Called at the start and end of each step, and during embedding after every batch. */
    void report(Step step, double fraction);
}
