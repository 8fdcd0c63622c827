package cn.jixiao.forms.form.selfeval;

import java.util.List;

/** A document of 项目支出绩效自评表: one form per project. */
public record SelfEvaluationDocument(List<SelfEvaluationForm> forms) {
}
