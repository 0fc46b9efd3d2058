using System.Security.Cryptography;
using System.Text;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>
/// The official callback signature: SHA-1 (lower-case hex) of the token, timestamp and nonce sorted as strings and
/// joined. Only someone who knows the account's token can produce it.
/// </summary>
public static class WeChatSignature
{
    public static string Compute(string token, string timestamp, string nonce)
    {
        string[] parts = [token, timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>Compared in constant time, so that the time taken tells nothing about how much of a forged signature was right.</summary>
    public static bool IsValid(string token, string? timestamp, string? nonce, string? signature)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature) || timestamp.Length > 32 || nonce.Length > 64
            || signature.Length > 64)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(token, timestamp, nonce)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }
}