package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.stats.StatsViews.DepartmentEfficiency;
import cn.gov.gd.yzz.stats.StatsViews.StatsSummary;
import cn.gov.gd.yzz.stats.StatsViews.TransactionStats;
import cn.gov.gd.yzz.stats.StatsViews.TransactionStatsRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Statistics as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads Chinese as the ANSI code page),
 * CRLF line ends, RFC 4180 quoting, and text cells that a spreadsheet would run as a formula defused with a quote.
 */
final class StatsCsv {

    private static final String BOM = "\uFEFF";
    private static final Map<String, String> STATUS_LABELS = Map.of("submitted", "已提交", "accepted", "已受理",
            "supplement_requested", "待补正", "supplement_submitted", "已补正", "in_progress", "办理中",
            "approved", "已办结（准予）", "rejected", "已办结（不予）", "completed", "已办结", "withdrawn", "已撤回");
    private static final List<String> SCORE_LABELS = List.of("非常不满意", "不满意", "基本满意", "满意", "非常满意");

    private StatsCsv() {
    }

    static byte[] transactions(TransactionStats stats) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, "代码", "名称", "办件量", "服务群众数", "帮办量");
        for (TransactionStatsRow row : stats.rows()) {
            line(csv, row.key(), row.label(), Long.toString(row.transactions()),
                    row.residents() == null ? "" : row.residents().toString(), Long.toString(row.assisted()));
        }
        line(csv, "合计", "", Long.toString(stats.total()), "", "");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] summary(StatsSummary summary) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, "指标", "数值");
        line(csv, "开始日期", summary.from().toString());
        line(csv, "结束日期", summary.to().toString());
        line(csv, "办件量", Long.toString(summary.transactions()));
        line(csv, "服务群众数", Long.toString(summary.residentsServed()));
        line(csv, "帮办占比", String.format("%.4f", summary.assistedShare()));
        line(csv, "在线终端数", Integer.toString(summary.kiosksOnline()));
        line(csv, "终端总数", Integer.toString(summary.kiosksTotal()));
        summary.submissionsByStatus().forEach((status, count) ->
                line(csv, "申请：" + STATUS_LABELS.getOrDefault(status, status), Long.toString(count)));
        line(csv, "超期办件数", Long.toString(summary.overdueCases()));
        for (int score = 5; score >= 1; score--) {
            line(csv, "评价：" + SCORE_LABELS.get(score - 1),
                    Long.toString(summary.ratings().distribution().getOrDefault(Integer.toString(score), 0L)));
        }
        line(csv, "评价平均分", summary.ratings().average() == null ? ""
                : String.format("%.2f", summary.ratings().average()));
        line(csv, "差评数", Long.toString(summary.ratings().negative()));
        // efficiency supervision (效能) as a second table, one line per department, after an empty line
        csv.append("\r\n");
        line(csv, "部门代码", "部门", "收件数", "办结数", "按时办结数", "超期数", "撤回数", "待补正数", "待送达数", "办结率",
                "按时办结率");
        for (DepartmentEfficiency row : summary.efficiency()) {
            line(csv, row.department(), row.label(), Long.toString(row.received()), Long.toString(row.completed()),
                    Long.toString(row.onTime()), Long.toString(row.overdue()), Long.toString(row.withdrawn()),
                    Long.toString(row.awaitingSupplement()), Long.toString(row.awaitingDelivery()),
                    rate(row.completionRate()), rate(row.onTimeRate()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String rate(Double rate) {
        return rate == null ? "" : String.format("%.4f", rate);
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            csv.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}
