package cn.smartfactory.lending.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a reviewer reads: changed lines with two lines of context, long unchanged stretches elided. */
class LineDiffTest {

    @Test
    void showsRemovedAndAddedLinesWithContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\ni";
        assertThat(LineDiff.diff(before, after)).containsExactly("…", "  c", "  d", "- e", "+ E", "  f", "  g", "…");
    }

    @Test
    void aNewFileIsAllAdded() {
        assertThat(LineDiff.diff("", "x\ny")).containsExactly("+ x", "+ y");
    }

    @Test
    void identicalTextsHaveNoLinesToShow() {
        assertThat(LineDiff.diff("x\ny", "x\ny")).containsExactly("…");
    }
}
