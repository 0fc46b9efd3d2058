namespace WorkersHome.Modules.Rights.Calendar;

/// <summary>
/// The national working calendar as first installed: 2025 and 2026 from the State Council's notices on holiday
/// arrangements (days off and make-up workdays), 2027 from the statutory holidays alone (the dates the holiday rules
/// fix), marked provisional until an administrator enters that year's notice. Administrators correct it afterwards.
/// </summary>
public static class ChinaCalendarSeed
{
    public static IReadOnlyList<CalendarDay> Days { get; } = Build();

    private static List<CalendarDay> Build()
    {
        var days = new List<CalendarDay>();
        void Off(string name, int year, int month, int from, int to, bool provisional = false)
        {
            for (var day = from; day <= to; day++)
            {
                days.Add(new CalendarDay { Date = new DateOnly(year, month, day), Kind = CalendarDayKind.DayOff, Name = name, Provisional = provisional });
            }
        }

        void Work(string name, int year, int month, int day) =>
            days.Add(new CalendarDay { Date = new DateOnly(year, month, day), Kind = CalendarDayKind.MakeUpWorkday, Name = name });

        Off("元旦", 2025, 1, 1, 1);
        Off("春节", 2025, 1, 28, 31);
        Off("春节", 2025, 2, 1, 4);
        Work("春节", 2025, 1, 26);
        Work("春节", 2025, 2, 8);
        Off("清明节", 2025, 4, 4, 6);
        Off("劳动节", 2025, 5, 1, 5);
        Work("劳动节", 2025, 4, 27);
        Off("端午节", 2025, 5, 31, 31);
        Off("端午节", 2025, 6, 1, 2);
        Off("国庆节、中秋节", 2025, 10, 1, 8);
        Work("国庆节、中秋节", 2025, 9, 28);
        Work("国庆节、中秋节", 2025, 10, 11);

        Off("元旦", 2026, 1, 1, 3);
        Work("元旦", 2026, 1, 4);
        Off("春节", 2026, 2, 15, 23);
        Work("春节", 2026, 2, 14);
        Work("春节", 2026, 2, 28);
        Off("清明节", 2026, 4, 4, 6);
        Off("劳动节", 2026, 5, 1, 5);
        Work("劳动节", 2026, 5, 9);
        Off("端午节", 2026, 6, 19, 21);
        Off("中秋节", 2026, 9, 25, 27);
        Off("国庆节", 2026, 10, 1, 7);
        Work("国庆节", 2026, 9, 20);
        Work("国庆节", 2026, 10, 10);

        // Statutory days only (New Year's Eve and the first three days of the lunar year 2027 fall on 5–8 February);
        // the notice adds bridging days off and make-up workdays.
        Off("元旦", 2027, 1, 1, 1, provisional: true);
        Off("春节", 2027, 2, 5, 8, provisional: true);
        Off("清明节", 2027, 4, 5, 5, provisional: true);
        Off("劳动节", 2027, 5, 1, 2, provisional: true);
        Off("端午节", 2027, 6, 9, 9, provisional: true);
        Off("中秋节", 2027, 9, 15, 15, provisional: true);
        Off("国庆节", 2027, 10, 1, 3, provisional: true);
        return days;
    }
}