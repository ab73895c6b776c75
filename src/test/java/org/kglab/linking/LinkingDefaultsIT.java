package org.kglab.linking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.graph.entity.GraphTypesProperties;
import org.kglab.support.IntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With no extraction settings, the service extracts in-process with OpenNLP, within the configured allow-lists. */
@MicronautTest(transactional = false)
class LinkingDefaultsIT extends IntegrationTest {

    @Inject
    EntityExtractor extractor;

    @Inject
    GraphTypesProperties types;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.graph.relationship-types", "RELATED_TO,PART_OF");
    }

    @Test
    void theDefaultExtractorIsOpenNlpAndReadsTheAllowListsFromConfiguration() {
        String text = "Geoffrey Hinton taught at the University of Toronto.";

        Extraction extraction = extractor.extract(new ExtractionRequest(UUID.randomUUID(), UUID.randomUUID(), "en",
                List.of(new ChunkText(0, text, 0, text.length()))));

        assertThat(extractor.id()).startsWith("opennlp-2.5.11");
        assertThat(types.relationshipTypes()).containsExactly("RELATED_TO", "PART_OF");
        assertThat(types.entityTypes()).contains("Person", "Concept");
        assertThat(extraction.entities()).extracting(CandidateEntity::normalizedName)
                .containsExactlyInAnyOrder("geoffrey hinton", "university of toronto");
        assertThat(extraction.relationships()).singleElement()
                .satisfies(r -> assertThat(r.type()).isEqualTo("RELATED_TO"));
    }
}
