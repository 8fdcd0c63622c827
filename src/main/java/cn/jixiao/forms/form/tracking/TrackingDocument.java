package cn.jixiao.forms.form.tracking;

import java.util.List;

/** A document of 项目支出绩效跟踪表: one form per project. */
public record TrackingDocument(List<TrackingForm> forms) {
}
