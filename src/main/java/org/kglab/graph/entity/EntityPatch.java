package org.kglab.graph.entity;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/** A change to an entity: each field given replaces the entity's; a field left null stays as it is. */
public record EntityPatch(@Nullable String type, @Nullable String name, @Nullable List<String> aliases,
                          @Nullable String description, @Nullable Map<String, Object> properties,
                          @Nullable Visibility visibility) {
}
