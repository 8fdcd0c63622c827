/**
 * Form types and what they share: the {@link cn.jixiao.forms.form.FormType} contract (id, title, schema,
 * validation, view model, file name), the registry that compiles each type's JSON Schema with the configured
 * limits, the reading of a request body into a checked document with every problem located by a JSON pointer,
 * the indicator taxonomy, amounts and the text rules. A form type is one sub-package; nothing here knows of
 * HTTP, fonts or output formats.
 */
package cn.jixiao.forms.form;
