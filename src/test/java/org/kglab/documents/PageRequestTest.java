package org.kglab.documents;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 20, 100})
    void acceptsSizesInRange(int first) {
        assertThat(new PageRequest(first, null).first()).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 101, Integer.MAX_VALUE})
    void rejectsSizesOutOfRange(int first) {
        assertThatThrownBy(() -> new PageRequest(first, null))
                .isInstanceOf(PageRequest.InvalidPageSize.class)
                .hasMessage("'first' must be between 1 and 100, got " + first + ".");
    }
}
