package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values of XXH64 with seed 0, as produced by the reference C implementation (libxxhash 0.8.1; the
 * empty-input and "abc" values are the widely published ones). The inputs cover every code path: empty, the 1-byte
 * tail, the 4-byte tail, the 8-byte lanes and the 32-byte stripe loop (36 and 39 bytes).
 */
class XxHash64Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|ef46db3751d8e999",
        "a|d24ec4f1a98c6e5b",
        "abc|44bc2cf5ad770999",
        "7|184a52b6a00d7ab7",
        "Nobody inspects the spammish repetition|fbcea83c8a378bf1",
        "0123456789abcdefghijklmnopqrstuvwxyz|69196c1b3af0bff9",
    })
    void hash_referenceInput_matchesPublishedValue(String input, String expectedHex) {
        long expected = Long.parseUnsignedLong(expectedHex, 16);
        assertEquals(expected, XxHash64.hash(input.getBytes(StandardCharsets.UTF_8), 0L));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc|1|bea9ca8199328908"})
    void hash_withSeed_matchesReference(String input, long seed, String expectedHex) {
        assertEquals(Long.parseUnsignedLong(expectedHex, 16), XxHash64.hash(input.getBytes(StandardCharsets.UTF_8), seed));
    }
}
