using System.Security.Cryptography;
using System.Text;

namespace WorkersHome.Platform.Privacy;

public sealed class PrivacyOptions
{
    /// <summary>Encryption keys by id, each 32 random bytes in base64. Never stored in the database.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    public string ActiveKeyId { get; set; } = "";

    /// <summary>Key of the keyed hash (blind index) used for exact lookup and dedup, base64.</summary>
    public string HashKey { get; set; } = "";
}

/// <summary>
/// Encrypts personal data (ID numbers, phones) with AES-256-GCM; the key id travels with each
/// ciphertext ("k1:base64") so that keys can be rotated. Lookups use an HMAC, never decryption.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly byte[] _hashKey;

    // One cipher and one keyed hash per thread and key: building them costs more than using them (an import calls this millions of times).
    private readonly Dictionary<string, ThreadLocal<AesGcm>> _ciphers;
    private readonly ThreadLocal<IncrementalHash> _hmac;
    private readonly byte[] _activeKeyIdBytes;

    public PersonalDataProtector(PrivacyOptions options)
    {
        _keys = options.Keys.ToDictionary(k => k.Key, k => DecodeKey(k.Key, k.Value));
        if (!_keys.ContainsKey(options.ActiveKeyId))
        {
            throw new InvalidOperationException($"Privacy:ActiveKeyId '{options.ActiveKeyId}' names no key in Privacy:Keys.");
        }

        ActiveKeyId = options.ActiveKeyId;
        _hashKey = DecodeKey("HashKey", options.HashKey);
        _ciphers = _keys.ToDictionary(k => k.Key, k => new ThreadLocal<AesGcm>(() => new AesGcm(k.Value, TagSize)));
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _hashKey));
        _activeKeyIdBytes = Encoding.ASCII.GetBytes(ActiveKeyId);
    }

    public string ActiveKeyId { get; }

    public string Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[NonceSize + TagSize + plain.Length];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _ciphers[ActiveKeyId].Value!.Encrypt(nonce, plain, buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), _activeKeyIdBytes);
        return ActiveKeyId + ":" + Convert.ToBase64String(buffer);
    }

    public string Decrypt(string ciphertext)
    {
        var separator = ciphertext.IndexOf(':', StringComparison.Ordinal);
        var keyId = ciphertext[..separator];
        if (!_ciphers.TryGetValue(keyId, out var cipher))
        {
            throw new CryptographicException($"Unknown personal-data key id '{keyId}'.");
        }

        var buffer = Convert.FromBase64String(ciphertext[(separator + 1)..]);
        var plain = new byte[buffer.Length - NonceSize - TagSize];
        cipher.Value!.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), plain,
            Encoding.ASCII.GetBytes(keyId));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// A key for sealing files (uploads and reports that hold personal data), derived from a
    /// personal-data key so that the same configuration, and the same rotation, covers both.
    /// </summary>
    public byte[] FileKey(string keyId) =>
        _keys.TryGetValue(keyId, out var key)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "workershome-sealed-files"u8.ToArray())
            : throw new CryptographicException($"Unknown personal-data key id '{keyId}'.");

    /// <summary>Keyed hash for exact lookup; the same input always gives the same value.</summary>
    public string BlindIndex(string value)
    {
        var hmac = _hmac.Value!;
        hmac.AppendData(Encoding.UTF8.GetBytes(value.Trim().ToUpperInvariant()));
        Span<byte> hash = stackalloc byte[32];
        hmac.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    private static byte[] DecodeKey(string name, string base64)
    {
        var key = string.IsNullOrWhiteSpace(base64) ? [] : Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException($"Privacy key '{name}' must be 32 bytes in base64.");
    }
}

public static class Mask
{
    /// <summary>138****5678</summary>
    public static string Phone(string phone) =>
        phone.Length == 11 ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7)) : new string('*', phone.Length);

    /// <summary>110105********1234</summary>
    public static string IdNumber(string id) =>
        id.Length > 10 ? string.Concat(id.AsSpan(0, 6), new string('*', id.Length - 10), id.AsSpan(id.Length - 4)) : new string('*', id.Length);
}