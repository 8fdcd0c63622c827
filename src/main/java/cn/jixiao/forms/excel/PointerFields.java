package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.excel.FormShape.Grid;
import cn.jixiao.forms.excel.FormShape.Member;
import cn.jixiao.forms.excel.FormShape.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The field a JSON pointer of a form's item leads to, with its kind: {@code /indicators/3/name} is the 三级指标 of a
 * row of the indicator table, {@code /funds/fiscal/initialBudget} a cell of the grid 项目资金, {@code /goals/2} an
 * item of a list of texts — read from the schema, as every other layout reads it.
 */
final class PointerFields {
    private static final Pattern INDEX = Pattern.compile("/[0-9]+(?=/|$)");
    /** Item-relative pointers, every index {@code *}, to their fields. */
    private final Map<String, Field> fields = new HashMap<>();

    PointerFields(FormShape form) {
        add(form.members(), "");
    }

    private void add(List<Member> members, String prefix) {
        for (Member member : members) {
            if (member instanceof Field field) {
                fields.put(prefix + field.pointer(), field);
                if (field.kind() == FormShape.Kind.LIST) {
                    FormShape.Kind item = field.choices().isEmpty() ? FormShape.Kind.TEXT : FormShape.Kind.CHOICE;
                    fields.put(prefix + field.pointer() + "/*", new Field(field.pointer() + "/*", field.title(), item, field.choices(),
                            field.multiline()));
                }
            } else if (member instanceof Grid grid) {
                for (Field row : grid.rows()) {
                    grid.columns().forEach(column -> fields.put(prefix + row.pointer() + column.pointer(), grid.cell(row, column)));
                }
            } else if (member instanceof Table table) {
                add(table.columns(), prefix + table.pointer() + "/*");
            }
        }
    }

    /** The field of an item-relative pointer; empty for a pointer the form does not have. */
    Optional<Field> of(String pointer) {
        return Optional.ofNullable(fields.get(pattern(pointer)));
    }

    /** The pointer with every index {@code *}: {@code /indicators/*}{@code /name}. */
    static String pattern(String pointer) {
        return INDEX.matcher(pointer).replaceAll("/*");
    }
}
