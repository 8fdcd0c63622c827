package cn.jixiao.forms.render;

import java.lang.reflect.Field;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFSubsetter;

/**
 * The glyph ids a fontbox {@link TTFSubsetter} keeps, numbered in a cut by binary search. The subsetter numbers a
 * glyph by counting the glyphs before it ({@code glyphIds.headSet(gid).size()}, a walk of the set) once for every
 * character of the cmap it writes: quadratic in a document's characters, a tenth of an openhtmltopdf render of a
 * tracking form. Here the count is the glyph's place in a sorted copy of the set, made again only when the set has
 * grown (the subsetter only ever adds to it). The same glyphs get the same numbers, so a cut is the same bytes.
 *
 * <p>The subsetter is final and its set private, so the set is swapped in by reflection; should a fontbox upgrade
 * rename or retype it, {@link #installedIn} leaves the subsetter as it is and cuts are as slow as before, no
 * different. The change belongs in fontbox (one method: a rank, not a {@code headSet} walk); this class goes when
 * fontbox has it.
 */
final class RankedGlyphIds extends TreeSet<Integer> {
    private static final Field GLYPH_IDS = glyphIdsField();

    private int[] sorted = new int[0];

    private RankedGlyphIds(SortedSet<Integer> ids) {
        super(ids);
    }

    /** The subsetter, counting by rank if its set could be swapped; whether it was. */
    static boolean installedIn(TTFSubsetter subsetter) {
        if (GLYPH_IDS == null) {
            return false;
        }
        try {
            @SuppressWarnings("unchecked")
            SortedSet<Integer> ids = (SortedSet<Integer>) GLYPH_IDS.get(subsetter);
            GLYPH_IDS.set(subsetter, new RankedGlyphIds(ids));
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            return false;
        }
    }

    /** Whether this fontbox lets the set be swapped (a test says so, so that an upgrade that stops it is seen). */
    static boolean available() {
        return GLYPH_IDS != null;
    }

    private static Field glyphIdsField() {
        try {
            Field field = TTFSubsetter.class.getDeclaredField("glyphIds");
            if (field.getType() != SortedSet.class) {
                return null;
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public SortedSet<Integer> headSet(Integer toElement) {
        return new Head(Collections.unmodifiableSortedSet(super.headSet(toElement)), rank(toElement));
    }

    /** How many ids are less than the given one. The subsetter only adds ids, so a copy of the same size is current. */
    private int rank(int id) {
        if (sorted.length != size()) {
            sorted = stream().mapToInt(Integer::intValue).toArray();
        }
        int at = Arrays.binarySearch(sorted, id);
        return at >= 0 ? at : -at - 1;
    }

    @Override
    public boolean remove(Object o) {
        sorted = new int[0];
        return super.remove(o);
    }

    @Override
    public void clear() {
        sorted = new int[0];
        super.clear();
    }

    /** A head view, read only, whose size is the rank counted when it was asked for; all else is the view's own. */
    private static final class Head extends AbstractSet<Integer> implements SortedSet<Integer> {
        private final SortedSet<Integer> view;
        private final int size;

        Head(SortedSet<Integer> view, int size) {
            this.view = view;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<Integer> iterator() {
            return view.iterator();
        }

        @Override
        public boolean contains(Object o) {
            return view.contains(o);
        }

        @Override
        public Comparator<? super Integer> comparator() {
            return view.comparator();
        }

        @Override
        public SortedSet<Integer> subSet(Integer fromElement, Integer toElement) {
            return view.subSet(fromElement, toElement);
        }

        @Override
        public SortedSet<Integer> headSet(Integer toElement) {
            return view.headSet(toElement);
        }

        @Override
        public SortedSet<Integer> tailSet(Integer fromElement) {
            return view.tailSet(fromElement);
        }

        @Override
        public Integer first() {
            return view.first();
        }

        @Override
        public Integer last() {
            return view.last();
        }
    }
}
