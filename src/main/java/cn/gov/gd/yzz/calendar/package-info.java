/**
 * The working-day calendar (工作日): which days count when a time limit is given in working days.
 *
 * <p>Owns: the statutory public holidays of any year computed from 全国年节及纪念日放假办法 as revised in 2024
 * ({@link cn.gov.gd.yzz.calendar.StatutoryHolidays}: lunar dates from ICU4J refined by precise new moons, Qingming
 * from the solar term), the computed baseline of a year (statutory days, weekends, 补假 for holidays on weekends), the
 * arrangements admins publish each year from the State Council's notice (table {@code calendar_arrangement}, every
 * version kept, change counter {@code calendar_state}), the admin API {@code /api/v1/admin/calendar/{year}}, the
 * {@code calendar} health group and the {@code yzz_calendar_published_horizon_days} gauge.
 *
 * <p>Invariants: a published arrangement lies within its year, covers every statutory holiday of it, never lists a
 * day both off and worked, and makes only Saturdays and Sundays working days. A year's arrangement in force is its
 * highest version; a year without one uses the baseline, and deadlines counted over such days are provisional
 * ({@link cn.gov.gd.yzz.calendar.DueDate#provisional()}). Publications are serialized by the lock on
 * {@code calendar_state}; every instance sees a new one within the catalog's refresh interval.
 *
 * <p>Who may call it: any feature package may use {@link cn.gov.gd.yzz.calendar.WorkingCalendar} to count working
 * days. This package depends on no feature package but {@code audit}; packages whose dates depend on the calendar
 * (submission: due dates of open cases) observe {@link cn.gov.gd.yzz.calendar.CalendarPublished}, which is fired
 * inside the publishing transaction.
 */
package cn.gov.gd.yzz.calendar;
