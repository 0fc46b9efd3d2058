namespace WorkersHome.Modules.Members.Register;

/// <summary>
/// Dates as Chinese rosters write them: 2015-06-01, 2015/6/1, 2015.6.1, 2015年6月1日, 20150601, a month
/// alone (2015-6, 2015年6月 → the 1st), a trailing time, and Excel's five-digit day serial (42156) where a date
/// column was formatted as a number or pasted as text.
/// </summary>
public static class LooseDate
{
    /// <summary>Excel's day 0 in its 1900 date system (it counts the nonexistent 1900-02-29, so day 60 on start here).</summary>
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    public static bool TryParse(string? value, out DateOnly date)
    {
        date = default;
        var text = InputText.Clean(value);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        Span<int> groups = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        var count = 0;
        var digitsOnly = true;
        var serialFraction = false;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                digitsOnly = false;
                serialFraction |= text[i] == '.' && count == 1 && lengths[0] == 5;
                if (!IsSeparator(text[i]))
                {
                    return false;
                }

                i++;
                continue;
            }

            var start = i;
            var number = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 9)
            {
                number = number * 10 + (text[i] - '0');
                i++;
            }

            if (count == 3)
            {
                // A trailing time (2015-06-01 08:00:00) is ignored.
                break;
            }

            groups[count] = number;
            lengths[count] = i - start;
            count++;
        }

        if (count == 1 && digitsOnly && lengths[0] == 8)
        {
            return TryCompose(groups[0] / 10000, groups[0] / 100 % 100, groups[0] % 100, out date);
        }

        // Serials of five digits are 1927 to 2173: every date a member record holds, and never a bare year.
        if (count >= 1 && lengths[0] == 5 && (digitsOnly || (serialFraction && count == 2)))
        {
            return TrySerial(groups[0], out date);
        }

        if (count >= 2 && lengths[0] == 4)
        {
            return TryCompose(groups[0], groups[1], count == 3 ? groups[2] : 1, out date);
        }

        return false;
    }

    private static bool TrySerial(int serial, out DateOnly date)
    {
        date = default;
        // 1 (1900-01-01) to 2958465 (9999-12-31); day 60 is Excel's phantom 1900-02-29.
        if (serial is < 1 or > 2958465 or 60)
        {
            return false;
        }

        date = ExcelEpoch.AddDays(serial < 60 ? serial + 1 : serial);
        return true;
    }

    private static bool TryCompose(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool IsSeparator(char c) => c is '-' or '/' or '.' or '年' or '月' or '日' or '号' or ' ' or ':' or 'T';
}