package org.kglab.graph.entity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertyBoundsTest {

    @Test
    void acceptsJsonWithinItsBounds() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("year", 2009);
        properties.put("tags", List.of("a", "b"));
        properties.put("nested", Map.of("b", Map.of("c", List.of(1, 2.5, true))));
        properties.put("nothing", null);
        assertThatCode(() -> PropertyBounds.check(properties)).doesNotThrowAnyException();
    }

    @Test
    void refusesNestingDeeperThanFour() {
        assertThatThrownBy(() -> PropertyBounds.check(Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of()))))))
                .isInstanceOf(InvalidEntityInput.class).hasMessageContaining("properties.a.b.c.d");
        assertThatThrownBy(() -> PropertyBounds.check(Map.of("a", List.of(List.of(List.of(List.of(1)))))))
                .isInstanceOf(InvalidEntityInput.class).hasMessageContaining("nests deeper than 4");
    }

    @Test
    void refusesTooManyKeysLongKeysLongListsAndLongStrings() {
        Map<String, Object> many = new HashMap<>();
        IntStream.range(0, 51).forEach(i -> many.put("k" + i, i));
        assertThatThrownBy(() -> PropertyBounds.check(many)).hasMessageContaining("51 keys");
        assertThatThrownBy(() -> PropertyBounds.check(Map.of("k".repeat(65), 1))).hasMessageContaining("64");
        assertThatThrownBy(() -> PropertyBounds.check(Map.of("", 1))).hasMessageContaining("1 to 64");
        Integer[] items = new Integer[101];
        Arrays.fill(items, 1);
        assertThatThrownBy(() -> PropertyBounds.check(Map.of("list", Arrays.asList(items))))
                .hasMessageContaining("101 items");
        assertThatThrownBy(() -> PropertyBounds.check(Map.of("text", "x".repeat(4_001))))
                .hasMessageContaining("properties.text");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> PropertyBounds.check(Map.of("when", new Object())))
                .isInstanceOf(InvalidEntityInput.class).hasMessageContaining("not a JSON value");
    }

    @Test
    void refusesJsonLongerThanTheWholeBound() {
        assertThatCode(() -> PropertyBounds.checkSize("x".repeat(PropertyBounds.MAX_JSON_CHARS)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PropertyBounds.checkSize("x".repeat(PropertyBounds.MAX_JSON_CHARS + 1)))
                .isInstanceOf(InvalidEntityInput.class);
    }
}
