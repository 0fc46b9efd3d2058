namespace WorkersHome.Modules.Organizations.Contracts;

/// <summary>Unified social credit code (GB 32100-2015): 18 characters, the last a MOD 31 check.</summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i]);
            if (value < 0)
            {
                return false;
            }

            sum += value * Weights[i];
        }

        var check = Alphabet.IndexOf(code[17]);
        return check >= 0 && check == (31 - (sum % 31)) % 31;
    }

    /// <summary>Completes 17 characters with their check character.</summary>
    public static string WithCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        }

        return first17 + Alphabet[(31 - (sum % 31)) % 31];
    }
}