package org.kglab.duplicates;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.util.UUID;

/** A stored MinHash signature: a candidate's, read back to confirm it. */
@MappedEntity("near_duplicate_signatures")
record Signature(@Id UUID documentId, @TypeDef(type = DataType.INTEGER_ARRAY) int[] signature) {
}
