using System.Globalization;

using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Members.Contracts;

/// <summary>
/// Resident ID numbers (GB 11643-1999) as other modules take them on their forms (a student, a spouse, a cadre): an
/// 18-character number, a 6-digit region code, the birth date (yyyyMMdd), a 3-digit sequence whose parity is the
/// gender, and an ISO 7064 MOD 11-2 check character. The registry reads more from it (ResidentIdNumber).
/// </summary>
public static class ResidentIds
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>The number as stored and hashed (trimmed, upper-case X), or what is wrong with it in the user's language.</summary>
    public static (string? Number, LocalizedText? Error) Check(string? value, DateOnly today)
    {
        var id = value?.Trim().ToUpperInvariant() ?? "";
        if (id.Length == 15 && id.All(char.IsAsciiDigit))
        {
            return (null, new("这是 15 位旧身份证号码，请填写 18 位居民身份证号码", "This is a 15-digit legacy number; enter the 18-digit resident ID number"));
        }

        if (id.Length != 18)
        {
            return (null, new("居民身份证号码应为 18 位", "A resident ID number has 18 characters"));
        }

        if (!id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
        {
            return (null, new("居民身份证号码只能由数字和末位 X 组成", "A resident ID number has digits only, with X allowed last"));
        }

        if (BirthDateOf(id) is not { } birth || birth > today || birth.Year < 1900)
        {
            return (null, new("居民身份证号码中的出生日期无效", "The birth date inside the ID number is not a valid date"));
        }

        if (CheckCharOf(id) != id[17])
        {
            return (null, new("居民身份证号码校验位不正确", "The ID number's check character is wrong"));
        }

        return (id, null);
    }

    /// <summary>The birth date written in a number's characters 7–14, if they are a date.</summary>
    public static DateOnly? BirthDateOf(string number) =>
        DateOnly.TryParseExact(number.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) ? birth : null;

    public static char CheckCharOf(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }
}