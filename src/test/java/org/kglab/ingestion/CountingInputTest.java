package org.kglab.ingestion;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountingInputTest {

    private final List<Integer> told = new ArrayList<>();

    @Test
    void tellsEachFurtherTenthOnceAsTheBytesAreRead() throws IOException {
        try (var in = counting(1_000)) {
            byte[] buffer = new byte[50];
            while (in.read(buffer, 0, buffer.length) >= 0) {
                // reading on
            }
        }
        assertThat(told).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aReadAcrossSeveralTenthsTellsOnlyTheLast() throws IOException {
        try (var in = counting(1_000)) {
            in.readNBytes(250);
            in.readNBytes(500);
            assertThat(told).containsExactly(2, 7);
        }
    }

    @Test
    void countsSingleBytesAndSkippedOnes() throws IOException {
        try (var in = counting(10)) {
            in.read();
            in.skip(4);
            assertThat(told).containsExactly(1, 5);
        }
    }

    @Test
    void theEndOfTheStreamIsTheWholeFileEvenIfItWasShorterThanSaid() throws IOException {
        try (var in = new CountingInput(new ByteArrayInputStream(new byte[10]), 1_000, told::add)) {
            in.readAllBytes();
        }
        assertThat(told).containsExactly(10);
    }

    @Test
    void anEmptyFileIsReadAtOnce() throws IOException {
        try (var in = new CountingInput(new ByteArrayInputStream(new byte[0]), 0, told::add)) {
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(told).containsExactly(10);
    }

    @Test
    void cannotGoBackToCountBytesTwice() throws IOException {
        try (var in = counting(10)) {
            assertThat(in.markSupported()).isFalse();
            in.mark(10);
            assertThatThrownBy(in::reset).isInstanceOf(IOException.class);
        }
    }

    private CountingInput counting(int size) {
        return new CountingInput(new ByteArrayInputStream(new byte[size]), size, told::add);
    }
}
