package cn.gov.gd.yzz.calendar;

import cn.gov.gd.yzz.calendar.CalendarViews.ArrangementInput;
import cn.gov.gd.yzz.common.Problem.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a published arrangement of a year must satisfy; every broken rule is reported, with where it is broken. */
final class ArrangementRules {

    private ArrangementRules() {
    }

    static List<FieldError> violations(int year, ArrangementInput input) {
        List<FieldError> errors = new ArrayList<>();
        Set<LocalDate> holidays = new HashSet<>();
        for (int i = 0; i < input.holidays().size(); i++) {
            LocalDate day = input.holidays().get(i);
            String pointer = "/holidays/" + i;
            if (day == null) {
                errors.add(FieldError.pointer(pointer, "must be a date"));
            } else if (day.getYear() != year) {
                errors.add(FieldError.pointer(pointer, day + " is not in " + year));
            } else if (!holidays.add(day)) {
                errors.add(FieldError.pointer(pointer, day + " is listed twice"));
            }
        }
        Set<LocalDate> working = new HashSet<>();
        for (int i = 0; i < input.adjustedWorkingDays().size(); i++) {
            LocalDate day = input.adjustedWorkingDays().get(i);
            String pointer = "/adjustedWorkingDays/" + i;
            if (day == null) {
                errors.add(FieldError.pointer(pointer, "must be a date"));
            } else if (day.getYear() != year) {
                errors.add(FieldError.pointer(pointer, day + " is not in " + year));
            } else if (!StatutoryHolidays.weekend(day)) {
                errors.add(FieldError.pointer(pointer, day + " is a " + day.getDayOfWeek().name().toLowerCase()
                        + ": only a Saturday or Sunday can be made a working day (调休)"));
            } else if (holidays.contains(day)) {
                errors.add(FieldError.pointer(pointer, day + " is also listed as a holiday"));
            } else if (!working.add(day)) {
                errors.add(FieldError.pointer(pointer, day + " is listed twice"));
            }
        }
        for (StatutoryHolidays.Holiday statutory : StatutoryHolidays.of(year)) {
            if (!holidays.contains(statutory.date())) {
                errors.add(FieldError.pointer("/holidays", "must include " + statutory.date() + ", a statutory day off ("
                        + statutory.festival().label() + ")"));
            }
        }
        return errors;
    }
}
