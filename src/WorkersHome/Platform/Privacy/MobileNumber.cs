using System.Text.RegularExpressions;

namespace WorkersHome.Platform.Privacy;

/// <summary>Mainland mobile numbers: 11 digits starting 1[3-9].</summary>
public static partial class MobileNumber
{
    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);
}