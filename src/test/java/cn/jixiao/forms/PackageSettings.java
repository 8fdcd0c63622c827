package cn.jixiao.forms;

import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.reporters.QuietReporter;

/** ApprovalTests: a failing approval leaves its .received. file (and, for pages, a difference picture) and says so; nothing is opened. */
public class PackageSettings {
    public static ApprovalFailureReporter UseReporter = new QuietReporter();
}
