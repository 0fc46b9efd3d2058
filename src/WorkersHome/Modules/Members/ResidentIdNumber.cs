using System.Globalization;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Members;

public enum Gender
{
    Male = 1,
    Female = 2,
}

public sealed record ResidentIdFacts(DateOnly BirthDate, Gender Gender, string RegionCode);

/// <summary>
/// The 18-character resident identity number of GB 11643-1999 as the registry reads it: checked by
/// <see cref="ResidentIds.Check"/>, then its birth date, gender and region code.
/// </summary>
public static class ResidentIdNumber
{
    /// <summary>Reads the number, or says in the user's language what is wrong with it.</summary>
    public static (ResidentIdFacts? Facts, LocalizedText? Error) Parse(string? value, DateOnly today)
    {
        var (id, error) = ResidentIds.Check(value, today);
        if (id is null)
        {
            return (null, error);
        }

        var gender = (id[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return (new ResidentIdFacts(ResidentIds.BirthDateOf(id)!.Value, gender, id[..6]), null);
    }

    public static char CheckCharOf(string first17) => ResidentIds.CheckCharOf(first17);

    /// <summary>Builds a valid number (for demo data and tests).</summary>
    public static string Compose(string regionCode, DateOnly birth, int sequence, Gender gender)
    {
        var seq = sequence % 500 * 2 + (gender == Gender.Male ? 1 : 0);
        var first17 = regionCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + CheckCharOf(first17);
    }
}