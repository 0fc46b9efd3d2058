using System.Security.Cryptography;

namespace WorkersHome.Modules.Cards;

/// <summary>
/// Card numbers as bank cards have them (ISO/IEC 7812): a BIN-like prefix set per province, a random serial and a
/// Luhn check digit, 19 digits in all, so that a mistyped number is caught before any lookup.
/// </summary>
public static class CardNumber
{
    public const int Length = 19;

    public static string Compose(string prefix, long serial)
    {
        if (prefix.Length is < 4 or > 10 || !prefix.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A card number prefix is 4 to 10 digits.", nameof(prefix));
        }

        var body = prefix + serial.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Length - 1 - prefix.Length, '0');
        if (body.Length != Length - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), "The serial does not fit beside the prefix.");
        }

        return body + CheckDigit(body);
    }

    /// <summary>A fresh number under <paramref name="prefix"/>; the unique index catches the rare repeat.</summary>
    public static string NewRandom(string prefix)
    {
        var digits = Length - 1 - prefix.Length;
        var serial = RandomNumberGenerator.GetInt32(0, int.MaxValue) * 1_000_000_000L + RandomNumberGenerator.GetInt32(0, 1_000_000_000);
        return Compose(prefix, serial % (long)Math.Pow(10, digits));
    }

    public static bool IsValid(string? number) =>
        number is { Length: Length } && number.All(char.IsAsciiDigit) && CheckDigit(number.AsSpan(0, Length - 1)) == number[^1];

    /// <summary>Luhn: double every second digit from the right of the body, sum the digits, complete to a multiple of ten.</summary>
    public static char CheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>6217 8641 2345 6789 012: groups of four, as printed.</summary>
    public static string Grouped(string number) =>
        string.Join(' ', number.Chunk(4).Select(c => new string(c)));

    /// <summary>For merchants and lists: prefix and last four.</summary>
    public static string Masked(string number) =>
        number.Length > 10 ? string.Concat(number.AsSpan(0, 6), new string('*', number.Length - 10), number.AsSpan(number.Length - 4)) : number;
}