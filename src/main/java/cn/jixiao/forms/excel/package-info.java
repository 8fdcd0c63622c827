/**
 * Workbooks: a form's empty workbook to fill in, a checked document exported into it, and a workbook read
 * back into a document with the cell of every value. Forms are known here only through their JSON Schemas:
 * a list of forms gets a sheet a form ({@link cn.jixiao.forms.excel.SheetPerForm}), units of projects of
 * indicators the budget system's target table ({@link cn.jixiao.forms.excel.TargetTableLayout}). A form whose
 * template marks its fields ({@link cn.jixiao.forms.excel.FieldMarks}) is exported laid out like the printed form,
 * from the XHTML its PDF is made of ({@link cn.jixiao.forms.excel.PrintedLayout}), and read back by the map of
 * cells it carries ({@link cn.jixiao.forms.excel.FieldMap}).
 */
package cn.jixiao.forms.excel;
