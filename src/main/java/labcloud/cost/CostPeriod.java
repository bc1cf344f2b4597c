package labcloud.cost;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The dates a spend report covers, in UTC as Cost Explorer counts them. End dates are exclusive,
 * as in the API: the month to date runs from the 1st to tomorrow, so today's partial costs count.
 *
 * @param today  the day the report is made
 * @param months how many calendar months the history covers, this one included
 */
public record CostPeriod(LocalDate today, int months) {
    public CostPeriod {
        if (months < 1 || months > 12) throw new labcloud.core.UsageException("--months " + months + ": expected 1 to 12");
    }

    public LocalDate monthStart() {
        return today.withDayOfMonth(1);
    }

    /** The first day of next month: the exclusive end of this month. */
    public LocalDate monthEnd() {
        return monthStart().plusMonths(1);
    }

    public LocalDate tomorrow() {
        return today.plusDays(1);
    }

    public LocalDate historyStart() {
        return monthStart().minusMonths(months - 1L);
    }

    public int daysInMonth() {
        return YearMonth.from(today).lengthOfMonth();
    }

    /** Complete days of this month before today. */
    public int completeDays() {
        return today.getDayOfMonth() - 1;
    }
}
