using System.Globalization;
using System.Text;

namespace WorkersHome.Modules.Members.Register;

/// <summary>
/// A person's name as the ID card prints it: Chinese characters (including the rare ones of the CJK
/// extension blocks), Latin letters, the middle dot of minority and foreign names (阿卜杜拉·买买提) and,
/// between Latin words, spaces, hyphens and apostrophes. Digits, markup and formula starts never pass.
/// </summary>
public static class PersonName
{
    public const int MaxLength = 50;

    private const char MiddleDot = '·';

    /// <summary>
    /// The name in its stored spelling: middle-dot variants (• ・ ‧ ∙ ⋅ and full-width ones) become ·, and
    /// spaces next to Chinese characters go (rosters pad two-character names: 张  三); null when not a name.
    /// </summary>
    public static string? Normalize(string? value)
    {
        var text = InputText.Clean(value);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Most names are a few common Chinese characters and need no further work (the import's hot path).
        if (text.AsSpan().IndexOfAnyExceptInRange('\u4E00', '\u9FFF') < 0)
        {
            return text;
        }

        var runes = new List<Rune>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(IsDotVariant(rune) ? new Rune(MiddleDot) : rune);
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < runes.Count; i++)
        {
            var rune = runes[i];
            if (rune.Value == ' ' && ((i > 0 && HugsSpace(runes[i - 1])) || (i + 1 < runes.Count && HugsSpace(runes[i + 1]))))
            {
                continue;
            }

            if (!IsHan(rune) && !IsLatinLetter(rune) && rune.Value is not (MiddleDot or ' ' or '-' or '\'' or '.'))
            {
                return null;
            }

            result.Append(rune.ToString());
        }

        var name = result.ToString();
        var first = Rune.GetRuneAt(name, 0);
        var last = name.EnumerateRunes().Last();
        // A name begins and ends with a letter; this also keeps out = + - @ that spreadsheets run as formulas.
        return (IsHan(first) || IsLatinLetter(first)) && (IsHan(last) || IsLatinLetter(last) || last.Value == '.') ? name : null;
    }

    /// <summary>Length in characters as people count them: an extension-block character is one, not two UTF-16 units.</summary>
    public static int Length(string name) => new StringInfo(name).LengthInTextElements;

    private static bool HugsSpace(Rune rune) => IsHan(rune) || rune.Value is MiddleDot or ' ';

    private static bool IsDotVariant(Rune rune) =>
        rune.Value is 0x2022 or 0x30FB or 0xFF65 or 0x2027 or 0x2219 or 0x22C5 or 0x00B7 or 0x0387 or 0x16EB or 0x2E31;

    /// <summary>CJK unified ideographs: the basic block, extension A, the compatibility block, and extensions B to I on plane 2 and 3.</summary>
    public static bool IsHan(Rune rune) => rune.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF)
        or (>= 0x20000 and <= 0x323AF) or (>= 0x2F800 and <= 0x2FA1F) or 0x3007;

    private static bool IsLatinLetter(Rune rune) => rune.Value < 0x250 && Rune.IsLetter(rune);
}