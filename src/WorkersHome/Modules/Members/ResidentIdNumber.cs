using System.Globalization;

using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Members;

public enum Gender
{
    Male = 1,
    Female = 2,
}

public sealed record ResidentIdFacts(DateOnly BirthDate, Gender Gender, string RegionCode);

/// <summary>
/// The 18-character resident identity number of GB 11643-1999: a 6-digit region code, the birth date
/// (yyyyMMdd), a 3-digit sequence whose parity is the gender, and an ISO 7064 MOD 11-2 check character.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Reads the number, or says in the user's language what is wrong with it.</summary>
    public static (ResidentIdFacts? Facts, LocalizedText? Error) Parse(string? value, DateOnly today)
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

        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth > today || birth.Year < 1900)
        {
            return (null, new("居民身份证号码中的出生日期无效", "The birth date inside the ID number is not a valid date"));
        }

        if (CheckCharOf(id) != id[17])
        {
            return (null, new("居民身份证号码校验位不正确", "The ID number's check character is wrong"));
        }

        var gender = (id[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return (new ResidentIdFacts(birth, gender, id[..6]), null);
    }

    public static char CheckCharOf(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>Builds a valid number (for demo data and tests).</summary>
    public static string Compose(string regionCode, DateOnly birth, int sequence, Gender gender)
    {
        var seq = sequence % 500 * 2 + (gender == Gender.Male ? 1 : 0);
        var first17 = regionCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + CheckCharOf(first17);
    }
}