namespace WorkersHome.Modules.Assistance;

/// <summary>What a cadre or member types into a free-text field of the module's forms, as it is kept.</summary>
internal static class FormText
{
    /// <summary>Null for nothing but spaces; else trimmed and cut to <paramref name="max"/> characters.</summary>
    public static string? Cut(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, max)];
}