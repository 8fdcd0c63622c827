package cn.jixiao.forms.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Errors beyond the cap are counted, and the count is said. */
class ProblemsTest {
    @Test
    void errorsBeyondTheCapAreCountedAndSaid() {
        Problems problems = new Problems();
        assertEquals("", problems.errorsLeftOut());
        for (int i = 0; i < Problems.MAX_DETAILS + 5; i++) {
            problems.error("/forms/" + i, "有误");
        }
        assertEquals(Problems.MAX_DETAILS, problems.errors().size());
        assertTrue(problems.truncated());
        assertEquals("另有 5 处未列出", problems.errorsLeftOut());
        problems.leftOut(7, false);
        assertEquals("另有 12 处未列出", problems.errorsLeftOut());
        problems.leftOut(0, true);
        assertEquals("另有 12 处以上未列出", problems.errorsLeftOut());
        FormError refused = FormError.invalid(problems.errors(), problems.errorsLeftOut());
        assertEquals("文档不符合约定：错误过多，只列出前 200 处（另有 12 处以上未列出），请先改正这些", refused.getMessage());
        assertEquals("文档不符合约定：共 1 处错误，每处的位置与原因逐一列出", FormError.invalid(problems.errors().subList(0, 1)).getMessage());
    }
}
