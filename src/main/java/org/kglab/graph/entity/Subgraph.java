package org.kglab.graph.entity;

import java.util.List;

/**
 * Entities and the relationships among them, in the shape graph-drawing libraries take as is (nodes with id,
 * label and type; edges with id, source, target and type).
 */
public record Subgraph(List<Node> nodes, List<Edge> edges) {

    public Subgraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public record Node(String id, String label, String type) {
    }

    public record Edge(String id, String source, String target, String type) {
    }
}
