using System.Globalization;

namespace WorkersHome.Platform.Localization;

/// <summary>
/// Picks the Chinese or English text of a pair by the request's UI culture.
/// Keeping both languages side by side at the call site keeps them in step (see docs/adr/0003).
/// </summary>
public static class Loc
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] SupportedCultures = [Chinese, English];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string zh, string en) => IsEnglish ? en : zh;
}

/// <summary>A text in both UI languages, resolved when shown.</summary>
public readonly record struct LocalizedText(string Zh, string En)
{
    public override string ToString() => Loc.T(Zh, En);
}