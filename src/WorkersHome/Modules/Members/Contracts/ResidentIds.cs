using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Members.Contracts;

/// <summary>Resident ID numbers as other modules take them on their forms (a student, a spouse, a cadre).</summary>
public static class ResidentIds
{
    /// <summary>The number as stored and hashed (trimmed, upper-case X), or what is wrong with it in the user's language.</summary>
    public static (string? Number, LocalizedText? Error) Check(string? value, DateOnly today)
    {
        var (facts, error) = ResidentIdNumber.Parse(value, today);
        return facts is null ? (null, error) : (value!.Trim().ToUpperInvariant(), null);
    }
}