package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShardSetTest {

    @Test
    void none_isEmpty() {
        ShardSet none = ShardSet.none();
        assertTrue(none.isEmpty());
        assertEquals(0, none.size());
        assertEquals(-1, none.first());
        assertArrayEquals(new int[0], none.toArray());
        assertEquals(0L, none.mask());
    }

    @Test
    void single_holdsOnlyThatShard() {
        ShardSet s = ShardSet.single(5);
        assertTrue(s.contains(5));
        assertFalse(s.contains(4));
        assertEquals(1, s.size());
        assertEquals(5, s.first());
        assertEquals(1L << 5, s.mask());
    }

    @Test
    void all_coversZeroToCountMinusOne() {
        assertEquals(ShardSet.none(), ShardSet.all(0));
        assertEquals(ShardSet.of(0, 1, 2), ShardSet.all(3));
        assertEquals(64, ShardSet.all(64).size());
        assertEquals(-1L, ShardSet.all(64).mask());
        assertTrue(ShardSet.all(64).contains(63));
    }

    @Test
    void all_outOfRange_throws() {
        assertThrows(IllegalArgumentException.class, () -> ShardSet.all(-1));
        assertThrows(IllegalArgumentException.class, () -> ShardSet.all(65));
    }

    @Test
    void of_invalidIndex_throwsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardSet.of(1, 64));
        assertTrue(e.getMessage().contains("64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShardSet.single(-1));
    }

    @Test
    void of_duplicates_collapse() {
        assertEquals(ShardSet.of(1, 3), ShardSet.of(3, 1, 3));
    }

    @Test
    void unionAndIntersect_followSetAlgebra() {
        ShardSet a = ShardSet.of(0, 1, 2);
        ShardSet b = ShardSet.of(2, 3);
        assertEquals(ShardSet.of(0, 1, 2, 3), a.union(b));
        assertEquals(ShardSet.single(2), a.intersect(b));
        assertEquals(ShardSet.none(), ShardSet.of(0).intersect(ShardSet.of(1)));
        assertEquals(a, a.union(ShardSet.none()));
        assertEquals(a.union(b), b.union(a));
        assertEquals(a.intersect(b), b.intersect(a));
        assertSame(a, a.union(ShardSet.of(1)), "union with a subset returns the same instance");
    }

    @Test
    void contains_outsideRange_isFalse() {
        ShardSet all = ShardSet.all(64);
        assertFalse(all.contains(-1));
        assertFalse(all.contains(64));
    }

    @Test
    void toArray_isAscending() {
        assertArrayEquals(new int[] {0, 7, 63}, ShardSet.of(63, 0, 7).toArray());
    }

    @Test
    void first_isLowestIndex() {
        assertEquals(3, ShardSet.of(9, 3, 40).first());
        assertEquals(63, ShardSet.single(63).first());
    }

    @Test
    void equalsAndHashCode_followMembership() {
        assertEquals(ShardSet.of(1, 2), ShardSet.ofMask(0b110));
        assertEquals(ShardSet.of(1, 2).hashCode(), ShardSet.ofMask(0b110).hashCode());
        assertNotEquals(ShardSet.of(1), ShardSet.of(2));
    }

    @Test
    void toString_listsIndexes() {
        assertEquals("ShardSet[0, 2]", ShardSet.of(2, 0).toString());
        assertEquals("ShardSet[]", ShardSet.none().toString());
    }
}
