package cn.gov.gd.yzz.calendar;

import java.time.LocalDate;

/** A deadline in working days, and whether it was counted over days of a year with no published arrangement. */
public record DueDate(LocalDate date, boolean provisional) {
}
