package cn.gov.gd.yzz.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.calendar.CalendarViews.ArrangementInput;
import cn.gov.gd.yzz.common.Problem.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrangementRulesTest {

    @Test
    void theShippedArrangementsAreValid() {
        for (int year : new int[] {2025, 2026}) {
            assertThat(ArrangementRules.violations(year, new ArrangementInput(
                    List.copyOf(ShippedCalendar.holidays(year)), List.copyOf(ShippedCalendar.adjustedWorkingDays(year)),
                    null))).isEmpty();
        }
    }

    @Test
    void everyBrokenRuleIsNamedWhereItIsBroken() {
        List<LocalDate> holidays = new ArrayList<>(ShippedCalendar.holidays(2026));
        holidays.remove(LocalDate.of(2026, 6, 19));
        holidays.add(LocalDate.of(2027, 1, 1));
        List<LocalDate> working = List.of(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 3, 3),
                LocalDate.of(2026, 2, 21), LocalDate.of(2025, 12, 27));
        List<FieldError> errors = ArrangementRules.violations(2026, new ArrangementInput(holidays, working, null));
        assertThat(errors).extracting(FieldError::pointer).containsExactly("/holidays/" + (holidays.size() - 1),
                "/adjustedWorkingDays/1", "/adjustedWorkingDays/2", "/adjustedWorkingDays/3", "/holidays");
        assertThat(errors).extracting(FieldError::message).containsExactly(
                "2027-01-01 is not in 2026",
                "2026-03-03 is a tuesday: only a Saturday or Sunday can be made a working day (调休)",
                "2026-02-21 is also listed as a holiday",
                "2025-12-27 is not in 2026",
                "must include 2026-06-19, a statutory day off (端午节)");
    }
}
