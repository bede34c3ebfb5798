package cn.gov.gd.yzz.receipt;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.receipt.ReceiptFacts.CaseLine;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The two printed documents: the acceptance receipt (受理回执) and the completion notice (办结通知). */
@ApplicationScoped
class ReceiptDocuments {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final float QR_SIZE = 110;

    private final ReceiptFont font;
    private final Clock clock;

    ReceiptDocuments(ReceiptFont font, Clock clock) {
        this.font = font;
        this.clock = clock;
    }

    byte[] receipt(ReceiptFacts facts) {
        try (PrintedSheet sheet = new PrintedSheet(font, "受理回执 " + facts.trackingNumber())) {
            header(sheet, facts, "受理回执");
            sheet.line("申请事项", facts.title());
            for (CaseLine c : facts.cases()) {
                sheet.line("办理部门", c.department());
                sheet.line("办理事项", String.join("；", c.items()));
            }
            List<String> materials = facts.materials();
            sheet.line("已收材料", materials.isEmpty() ? "（无）" : numbered(materials));
            sheet.line("受理时间", time(facts.receivedAt()));
            String due = facts.dueDate() == null ? null : facts.dueDate().toString();
            int days = facts.cases().stream().mapToInt(CaseLine::promisedDays).max().orElse(0);
            if (due != null && days > 0) {
                due += "（承诺时限" + days + "个工作日，法定节假日顺延）";
            }
            if (facts.dueDateProvisional()) {
                due += "；当年节假日安排公布后可能调整";
            }
            sheet.line("承诺办结日期", due);
            place(sheet, facts);
            sheet.space(12);
            sheet.text("请妥善保管本回执。可扫描右上角二维码，或凭受理编号查询办理进度。", 10);
            footer(sheet);
            return sheet.pdf();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] completionNotice(ReceiptFacts facts) {
        try (PrintedSheet sheet = new PrintedSheet(font, "办结通知 " + facts.trackingNumber())) {
            header(sheet, facts, "办结通知");
            sheet.line("申请事项", facts.title());
            for (CaseLine c : facts.cases()) {
                sheet.space(4);
                sheet.line("办理部门", c.department());
                sheet.line("办理事项", String.join("；", c.items()));
                if (c.decision() == null) {
                    sheet.line("办理结果", "办理中");
                    continue;
                }
                sheet.line("办理结果", c.decision().result());
                sheet.line("办结时间", time(c.decision().at()));
                if (c.decision().comment() != null && !c.decision().comment().isBlank()) {
                    sheet.line("审批意见", c.decision().comment());
                }
            }
            place(sheet, facts);
            sheet.space(12);
            sheet.text("办理结果可在手机端下载，或在粤智助自助终端打印；也可扫描右上角二维码查询。", 10);
            footer(sheet);
            return sheet.pdf();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(PrintedSheet sheet, ReceiptFacts facts, String title) throws IOException {
        sheet.qrCode(facts.statusUrl(), "扫码查询办理进度", QR_SIZE);
        sheet.heading("粤智助政务服务", 12);
        sheet.heading(title, 20);
        sheet.space(6);
        sheet.line("受理编号", facts.trackingNumber());
        sheet.line("申请人", facts.applicantName());
        sheet.line("身份证号", facts.applicantIdNumber());
        sheet.fullWidthFrom(QR_SIZE + 24);
    }

    private static void place(PrintedSheet sheet, ReceiptFacts facts) throws IOException {
        sheet.line("办理渠道", facts.kiosk() == null ? "手机端" : "自助终端 " + facts.kiosk());
        if (facts.specialist() != null) {
            sheet.line("帮办专员", facts.specialist());
        }
        sheet.line("查询地址", facts.statusUrl());
    }

    private void footer(PrintedSheet sheet) throws IOException {
        sheet.space(18);
        sheet.text("打印时间：" + MINUTE.format(OffsetDateTime.now(clock).atZoneSameInstant(ChinaTime.ZONE)), 9);
    }

    private static String time(OffsetDateTime at) {
        return at == null ? null : MINUTE.format(at.atZoneSameInstant(ChinaTime.ZONE));
    }

    private static String numbered(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : "  ").append(i + 1).append(". ").append(names.get(i));
        }
        return out.toString();
    }
}
