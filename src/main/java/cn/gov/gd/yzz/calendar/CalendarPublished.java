package cn.gov.gd.yzz.calendar;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fired inside the transaction that published a year's arrangement, with the calendar as it is once that
 * transaction commits. Synchronous observers recompute what depends on working days in the same transaction and add
 * the number of records whose dates changed to {@code changed}; the calendar itself switches after the commit.
 */
public record CalendarPublished(int year, int version, String publishedBy, WorkingDays calendar,
        AtomicInteger changed) {
}
