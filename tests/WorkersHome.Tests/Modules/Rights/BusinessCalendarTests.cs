using WorkersHome.Modules.Rights.Calendar;

namespace WorkersHome.Tests.Modules.Rights;

/// <summary>Business-day arithmetic on the seeded national calendar, as tables; no database.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Seeded = new(ChinaCalendarSeed.Days);

    [Theory]
    [InlineData("2026-10-08", true, "a Thursday after the National Day week")]
    [InlineData("2026-10-05", false, "a Monday inside the National Day week")]
    [InlineData("2026-10-10", true, "Saturday worked in exchange (调休)")]
    [InlineData("2026-10-11", false, "an ordinary Sunday")]
    [InlineData("2026-02-14", true, "Saturday before the Spring Festival, worked")]
    [InlineData("2026-02-23", false, "the Monday that ends the Spring Festival")]
    [InlineData("2025-01-26", true, "Sunday worked before the 2025 Spring Festival")]
    [InlineData("2026-12-04", true, "an ordinary Friday")]
    public void A_day_is_a_business_day_by_the_week_unless_the_calendar_says_otherwise(string date, bool business, string why) =>
        Seeded.IsBusinessDay(DateOnly.Parse(date)).ShouldBe(business, why);

    [Theory]
    // From an ordinary Thursday: Friday, then Monday.
    [InlineData("2026-12-03", 1, "2026-12-04")]
    [InlineData("2026-12-03", 2, "2026-12-07")]
    // Count 0 is the day itself.
    [InlineData("2026-12-05", 0, "2026-12-05")]
    // Arriving on a Saturday: the count starts on Monday.
    [InlineData("2026-12-05", 1, "2026-12-07")]
    // Across the 2026 National Day week: Tue 29 Sep, Wed 30 Sep, then Thu 8 Oct, Fri 9 Oct, Sat 10 Oct (worked), Mon 12 Oct.
    [InlineData("2026-09-28", 1, "2026-09-29")]
    [InlineData("2026-09-28", 3, "2026-10-08")]
    [InlineData("2026-09-28", 5, "2026-10-10")]
    [InlineData("2026-09-28", 6, "2026-10-12")]
    // The Sunday before it (20 Sep) is worked: a case arriving on Saturday the 19th counts it.
    [InlineData("2026-09-19", 1, "2026-09-20")]
    // Across the year boundary: 31 Dec 2025, then 1–3 Jan 2026 off, 4 Jan (Sunday) worked.
    [InlineData("2025-12-31", 1, "2026-01-04")]
    [InlineData("2025-12-31", 2, "2026-01-05")]
    // Fifteen business days from before the 2026 Spring Festival (15–23 Feb off, 14 and 28 Feb worked).
    [InlineData("2026-02-12", 1, "2026-02-13")]
    [InlineData("2026-02-12", 2, "2026-02-14")]
    [InlineData("2026-02-12", 3, "2026-02-24")]
    [InlineData("2026-02-12", 15, "2026-03-11")]
    public void The_nth_business_day_after_a_date_skips_days_off_and_counts_make_up_days(string from, int count, string expected) =>
        Seeded.AddBusinessDays(DateOnly.Parse(from), count).ShouldBe(DateOnly.Parse(expected));

    [Theory]
    [InlineData("2026-09-28", "2026-10-12", 6)]
    [InlineData("2026-10-12", "2026-09-28", 0)]
    [InlineData("2026-12-04", "2026-12-04", 0)]
    [InlineData("2025-12-31", "2026-01-05", 2)]
    public void Business_days_between_count_the_days_after_the_first_up_to_the_last(string from, string to, int expected) =>
        Seeded.BusinessDaysBetween(DateOnly.Parse(from), DateOnly.Parse(to)).ShouldBe(expected);

    [Fact]
    public void A_deadline_ends_at_midnight_china_time_of_its_last_business_day()
    {
        // 30 Sep 2026, 23:30 in China (15:30 UTC): still the 30th there, so one business day runs to the end of 8 Oct.
        var received = new DateTimeOffset(2026, 9, 30, 15, 30, 0, TimeSpan.Zero);

        Seeded.Deadline(received, 1).ShouldBe(new DateTimeOffset(2026, 10, 9, 0, 0, 0, TimeSpan.FromHours(8)));

        // Half an hour later it is 1 Oct in China: the count starts after the holiday just the same.
        Seeded.Deadline(received.AddMinutes(31), 1).ShouldBe(new DateTimeOffset(2026, 10, 9, 0, 0, 0, TimeSpan.FromHours(8)));
        // Received at 07:00 UTC on 8 Oct (15:00 in China): the next business day is Friday 9 Oct.
        Seeded.Deadline(new DateTimeOffset(2026, 10, 8, 7, 0, 0, TimeSpan.Zero), 1).ShouldBe(new DateTimeOffset(2026, 10, 10, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void An_entered_day_off_or_make_up_day_changes_the_count()
    {
        var calendar = new BusinessCalendar(
        [
            new CalendarDay { Date = new DateOnly(2030, 3, 4), Kind = CalendarDayKind.DayOff, Name = "test" },
            new CalendarDay { Date = new DateOnly(2030, 3, 9), Kind = CalendarDayKind.MakeUpWorkday, Name = "test" },
        ]);

        // Fri 1 Mar 2030 → Mon 4 Mar is off → Tue 5 Mar; the 9th (Saturday) is worked.
        calendar.AddBusinessDays(new DateOnly(2030, 3, 1), 1).ShouldBe(new DateOnly(2030, 3, 5));
        calendar.AddBusinessDays(new DateOnly(2030, 3, 8), 1).ShouldBe(new DateOnly(2030, 3, 9));
        new BusinessCalendar([]).AddBusinessDays(new DateOnly(2030, 3, 1), 1).ShouldBe(new DateOnly(2030, 3, 4));
    }

    [Fact]
    public void The_seed_holds_each_date_once_and_make_up_days_only_on_weekends_and_marks_2027_provisional()
    {
        ChinaCalendarSeed.Days.Select(d => d.Date).ShouldBeUnique();
        ChinaCalendarSeed.Days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday)
            .ShouldAllBe(d => d.Date.DayOfWeek == DayOfWeek.Saturday || d.Date.DayOfWeek == DayOfWeek.Sunday);
        ChinaCalendarSeed.Days.Where(d => d.Date.Year == 2027).ShouldAllBe(d => d.Provisional);
        ChinaCalendarSeed.Days.Where(d => d.Date.Year < 2027).ShouldAllBe(d => !d.Provisional);
    }
}