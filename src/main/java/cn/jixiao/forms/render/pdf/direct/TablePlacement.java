package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.Interrupts;
import java.util.ArrayList;
import java.util.List;

/**
 * A measured table placed row by row: a row that fits is placed whole; one that asks to stay whole starts a new
 * page; any other is split between its lines, each line that would cross the bottom margin moved to the next page
 * below the header rows repeated there. A cell spanning rows is drawn once its last row is placed.
 */
final class TablePlacement {
    private final PageFlow flow;
    private final TableGrid grid;
    private final int[] topPage;
    private final float[] topY;

    TablePlacement(PageFlow flow, TableGrid grid) {
        this.flow = flow;
        this.grid = grid;
        this.topPage = new int[grid.rows.size()];
        this.topY = new float[grid.rows.size()];
    }

    void place() {
        Runnable outer = flow.header;
        List<Integer> headerRows = new ArrayList<>();
        for (int r = 0; r < grid.rows.size(); r++) {
            Interrupts.check();
            TableGrid.Row row = grid.rows.get(r);
            if (row.header()) {
                headerRows.add(r);
            } else if (grid.paginate && !headerRows.isEmpty() && flow.header == outer) {
                flow.header = () -> headerRows.forEach(this::placeWhole);
            }
            boolean firstOfGroup = r == 0 || grid.rows.get(r - 1).group() != row.group();
            if (row.breakBefore() && !flow.atTop()) {
                flow.newPage();
            } else if (row.groupAvoid() && firstOfGroup && !flow.atTop()) {
                float height = groupHeight(r);
                if (flow.y + height > flow.bottom() && height <= flow.bottom() - flow.contentTops.get(flow.page)) {
                    flow.newPage();
                }
            }
            flow.rowPages.putIfAbsent(row.element(), flow.page);
            float height = grid.heights[r];
            if (flow.y + height <= flow.bottom() && linesFit(r) || flow.atTop() && (row.header() || row.avoidInside())) {
                placeWhole(r);
            } else if ((row.header() || row.avoidInside() || firstLineCrosses(r)) && !flow.atTop()) {
                flow.newPage();
                flow.rowPages.put(row.element(), flow.page);
                if (flow.y + height <= flow.bottom()) {
                    placeWhole(r);
                } else {
                    split(r);
                }
            } else {
                split(r);
            }
        }
        flow.header = outer;
    }

    private float groupHeight(int first) {
        float height = 0;
        for (int r = first; r < grid.rows.size() && grid.rows.get(r).group() == grid.rows.get(first).group(); r++) {
            height += grid.heights[r];
        }
        return height;
    }

    /**
     * Whether every line of the row's own cells ends short of the page's bottom by its cell's padding and border, as
     * {@link #lines} sets them: a row whose box just fits may still have a line that must go to the next page.
     */
    private boolean linesFit(int r) {
        float height = grid.heights[r];
        for (TableGrid.Cell cell : grid.starting.get(r)) {
            if (cell.rowspan() != 1 || cell.lines().isEmpty()) {
                continue;
            }
            float middle = cell.middle() ? (height - cell.height()) / 2 : 0;
            float top = flow.y + cell.contentTop() + middle;
            for (Line line : cell.lines()) {
                if (top + line.height() >= flow.bottom() - cell.roomBelow()) {
                    return false;
                }
                top += line.height();
            }
        }
        return true;
    }

    private boolean firstLineCrosses(int r) {
        for (TableGrid.Cell cell : grid.starting.get(r)) {
            if (cell.rowspan() == 1 && !cell.lines().isEmpty()
                    && flow.y + cell.contentTop() + cell.lines().get(0).height() >= flow.bottom() - cell.roomBelow()) {
                return true;
            }
        }
        return false;
    }

    private void placeWhole(int r) {
        topPage[r] = flow.page;
        topY[r] = flow.y;
        float height = grid.heights[r];
        for (TableGrid.Cell cell : grid.starting.get(r)) {
            if (cell.rowspan() == 1) {
                float middle = cell.middle() ? (height - cell.height()) / 2 : 0;
                lines(cell, flow.page, flow.y + cell.contentTop() + middle);
                box(cell, flow.page, flow.y, flow.page, flow.y + height);
            }
        }
        flow.y += height;
        spanning(r);
    }

    private void split(int r) {
        int page = flow.page;
        float top = flow.y;
        topPage[r] = page;
        topY[r] = top;
        float height = grid.heights[r];
        int endPage = page;
        float endY = top;
        List<TableGrid.Cell> cells = new ArrayList<>();
        for (TableGrid.Cell cell : grid.starting.get(r)) {
            if (cell.rowspan() == 1) {
                cells.add(cell);
                float middle = cell.middle() ? (height - cell.height()) / 2 : 0;
                float[] end = lines(cell, page, top + cell.contentTop() + middle);
                float bottom = end[1] + cell.padding()[2] + (float) cell.borders()[2].width() / 2;
                if (end[0] > endPage || end[0] == endPage && bottom > endY) {
                    endPage = (int) end[0];
                    endY = bottom;
                }
            }
        }
        for (TableGrid.Cell cell : cells) {
            box(cell, page, top, endPage, endY);
        }
        flow.page = endPage;
        flow.y = endY;
        spanning(r);
    }

    /** Draws the cells spanning rows that end with row {@code r}, now that it is placed. */
    private void spanning(int r) {
        for (TableGrid.Cell cell : grid.ending.get(r)) {
            int page = topPage[cell.row()];
            float top = topY[cell.row()];
            float middle = cell.middle() && page == flow.page ? (flow.y - top - cell.height()) / 2 : 0;
            lines(cell, page, top + cell.contentTop() + middle);
            box(cell, page, top, flow.page, flow.y);
        }
    }

    /** Sets a cell's lines from {@code y} down, a line that would cross the bottom moved to the next page; where they end. */
    private float[] lines(TableGrid.Cell cell, int page, float y) {
        float inner = (float) (cell.width() - cell.padding()[1] - cell.padding()[3] - cell.borders()[1].width() / 2 - cell.borders()[3].width() / 2);
        float x = (float) (cell.x() + cell.borders()[3].width() / 2 + cell.padding()[3]);
        int at = page;
        float top = y;
        int carried = widowsCarried(cell, y);
        for (int i = 0; i < cell.lines().size(); i++) {
            Line line = cell.lines().get(i);
            // As openhtmltopdf: a line must end short of the page's bottom by the cell's padding and border.
            if (i == carried || top + line.height() >= flow.bottom() - cell.roomBelow()) {
                at++;
                int current = flow.page;
                float currentY = flow.y;
                flow.ensure(at);
                flow.page = current;
                flow.y = currentY;
                top = flow.contentTops.get(at) + cell.roomAbove();
            }
            flow.pages.get(at).line(line, x + PageFlow.offset(line, inner), top, flow.faces);
            top += line.height();
        }
        return new float[] {at, top};
    }

    /**
     * The first line carried to the next page when only one would be: as openhtmltopdf does (measured), three are
     * then carried, two kept; -1 when no such case.
     */
    private int widowsCarried(TableGrid.Cell cell, float y) {
        List<Line> lines = cell.lines();
        float top = y;
        for (int i = 0; i < lines.size(); i++) {
            if (top + lines.get(i).height() >= flow.bottom() - cell.roomBelow()) {
                return i == lines.size() - 1 && i >= 4 ? i - 2 : -1;
            }
            top += lines.get(i).height();
        }
        return -1;
    }

    /** A cell's borders on each page it covers: its top on the first, its bottom on the last. */
    private void box(TableGrid.Cell cell, int fromPage, float fromY, int toPage, float toY) {
        float left = cell.x();
        float right = cell.x() + cell.width();
        for (int p = fromPage; p <= toPage; p++) {
            PageContent content = flow.pages.get(p);
            float top = p == fromPage ? fromY : flow.contentTops.get(p);
            float bottom = p == toPage ? toY : flow.bottom();
            if (p == fromPage) {
                content.rule(left, top, right, top, cell.borders()[0]);
            }
            if (p == toPage) {
                content.rule(left, bottom, right, bottom, cell.borders()[2]);
            }
            content.rule(left, top, left, bottom, cell.borders()[3]);
            content.rule(right, top, right, bottom, cell.borders()[1]);
        }
    }
}
