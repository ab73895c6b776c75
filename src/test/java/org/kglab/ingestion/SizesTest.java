package org.kglab.ingestion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SizesTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0 bytes",
            "1023, 1023 bytes",
            "1024, 1 KB",
            "65536, 64 KB",
            "1048576, 1 MB",
            "1572864, 1.5 MB",
            "52428800, 50 MB",
            "66060288, 63 MB"})
    void readsLikeAPersonWouldSayIt(long bytes, String expected) {
        assertThat(Sizes.human(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"66060288, 52428800, 'File too large: 63 MB, the limit is 50 MB.'"})
    void explainsAnOversizedUpload(long size, long limit, String message) {
        assertThat(new UploadTooLarge(size, limit)).hasMessage(message);
    }
}
