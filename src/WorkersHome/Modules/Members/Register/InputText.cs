using System.Text;

namespace WorkersHome.Modules.Members.Register;

/// <summary>
/// Text as people type it into Excel and forms, made comparable: full-width digits and letters become
/// ASCII (NFKC), ideographic, non-breaking and zero-width spaces go, runs of spaces become one. The
/// common case (plain ASCII or CJK without oddities) costs one pass over the text and no allocation.
/// </summary>
public static class InputText
{
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (IsPlain(value))
        {
            return value.Length == 0 || (value[0] != ' ' && value[^1] != ' ') ? value : value.Trim();
        }

        var text = value.IsNormalized(NormalizationForm.FormKC) ? value : value.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>A mobile number without its decoration: +86 / 0086 / 86- prefixes, spaces, dashes, brackets and dots.</summary>
    public static string? Phone(string? value)
    {
        var text = Clean(value);
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // The usual cell of an import is digits alone and costs no copy; only the prefixes remain to check.
        var number = text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 ? text : WithoutSeparators(text);
        if (number.Length == 15 && number.StartsWith("0086", StringComparison.Ordinal))
        {
            return number[4..];
        }

        return number.Length == 13 && number.StartsWith("86", StringComparison.Ordinal) ? number[2..] : number;
    }

    private static string WithoutSeparators(string text)
    {
        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is ' ' or '-' or '(' or ')' or '.' or '+' or '[' or ']' or '/' or '—' or '－')
            {
                continue;
            }

            digits.Append(c);
        }

        return digits.ToString();
    }

    /// <summary>An ID number in capitals without spaces, so a lowercase x check digit or a spaced-out number still reads.</summary>
    public static string? IdNumber(string? value)
    {
        var text = Clean(value);
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        return (text.Contains(' ') ? text.Replace(" ", "", StringComparison.Ordinal) : text).ToUpperInvariant();
    }

    /// <summary>Printable ASCII and CJK ideographs without full-width forms or odd spaces need no work.</summary>
    private static bool IsPlain(string value)
    {
        var previousSpace = false;
        foreach (var c in value)
        {
            var space = c == ' ';
            if (space && previousSpace)
            {
                return false;
            }

            previousSpace = space;
            if (c is (>= ' ' and <= '~') or (>= '\u4E00' and <= '\u9FFF'))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';
}