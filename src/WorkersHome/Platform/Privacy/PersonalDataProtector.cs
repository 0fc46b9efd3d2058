using System.Security.Cryptography;
using System.Text;

namespace WorkersHome.Platform.Privacy;

public sealed class PrivacyOptions
{
    /// <summary>
    /// Encryption keys by id, in base64: 32 random bytes for AES-256-GCM, 16 for SM4-GCM (see <see cref="Algorithms"/>).
    /// Never stored in the database.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>
    /// Cipher of each key, by key id: "AES-256-GCM" (the default for a key not listed) or "SM4-GCM" (SM4 through
    /// BouncyCastle, for deployments that must use the national algorithms). A key keeps its algorithm for life,
    /// since the key id in a ciphertext is what tells decryption which cipher to use; change algorithm by adding a
    /// key and rotating to it.
    /// </summary>
    public Dictionary<string, string> Algorithms { get; set; } = [];

    public string ActiveKeyId { get; set; } = "";

    /// <summary>Key of the keyed hash (blind index) used for exact lookup and dedup, base64.</summary>
    public string HashKey { get; set; } = "";
}

/// <summary>
/// Encrypts personal data (ID numbers, phones) with AES-256-GCM, or SM4-GCM for keys so configured; the key id
/// travels with each ciphertext ("k1:base64") so that keys, and with them algorithms, can be rotated. Lookups use
/// an HMAC, never decryption.
/// </summary>
public sealed class PersonalDataProtector
{
    public const string Aes256Gcm = "AES-256-GCM";
    public const string Sm4GcmName = "SM4-GCM";

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly byte[] _hashKey;

    // One cipher and one keyed hash per thread and key: building them costs more than using them (an import calls this millions of times).
    private readonly Dictionary<string, KeyCipher> _ciphers;
    // The active key's cipher, held apart so that Encrypt, the import's hot path, looks nothing up by key id.
    private readonly KeyCipher _active;
    private readonly ThreadLocal<IncrementalHash> _hmac;

    public PersonalDataProtector(PrivacyOptions options)
    {
        var unknown = options.Algorithms.Keys.FirstOrDefault(id => !options.Keys.ContainsKey(id));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"Privacy:Algorithms:{unknown} names no key in Privacy:Keys.");
        }

        var algorithms = options.Keys.Keys.ToDictionary(id => id, id => AlgorithmOf(options, id));
        _keys = options.Keys.ToDictionary(k => k.Key, k => DecodeKey(k.Key, k.Value, algorithms[k.Key]));
        if (!_keys.ContainsKey(options.ActiveKeyId))
        {
            throw new InvalidOperationException($"Privacy:ActiveKeyId '{options.ActiveKeyId}' names no key in Privacy:Keys.");
        }

        ActiveKeyId = options.ActiveKeyId;
        _hashKey = DecodeKey("Privacy:HashKey", options.HashKey, 32, "for the keyed hash (HMAC-SHA256)");
        _ciphers = _keys.ToDictionary(k => k.Key, k => KeyCipher.Create(k.Key, k.Value, algorithms[k.Key]));
        _active = _ciphers[ActiveKeyId];
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _hashKey));
    }

    public string ActiveKeyId { get; }

    public string Encrypt(string plaintext)
    {
        // ID numbers and phones are short: the whole message fits on the stack.
        var plainLength = Encoding.UTF8.GetByteCount(plaintext);
        var buffer = plainLength <= 256 ? stackalloc byte[NonceSize + TagSize + plainLength] : new byte[NonceSize + TagSize + plainLength];
        var plain = plainLength <= 256 ? stackalloc byte[plainLength] : new byte[plainLength];
        Encoding.UTF8.GetBytes(plaintext, plain);
        var nonce = buffer[..NonceSize];
        RandomPool.Fill(nonce);
        var ciphertext = buffer[(NonceSize + TagSize)..];
        var tag = buffer.Slice(NonceSize, TagSize);
        if (_active.Aes is { } aes)
        {
            aes.Value!.Encrypt(nonce, plain, ciphertext, tag, _active.AssociatedData);
        }
        else
        {
            _active.Sm4!.Value!.Encrypt(nonce, plain, ciphertext, tag, _active.AssociatedData);
        }

        plain.Clear();
        return string.Concat(ActiveKeyId, ":", Convert.ToBase64String(buffer));
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
        if (buffer.Length < NonceSize + TagSize)
        {
            throw new CryptographicException($"Personal-data ciphertext under key '{keyId}' is too short.");
        }

        var plain = new byte[buffer.Length - NonceSize - TagSize];
        var nonce = buffer.AsSpan(0, NonceSize);
        var tag = buffer.AsSpan(NonceSize, TagSize);
        var encrypted = buffer.AsSpan(NonceSize + TagSize);
        if (cipher.Aes is { } aes)
        {
            aes.Value!.Decrypt(nonce, encrypted, tag, plain, cipher.AssociatedData);
        }
        else
        {
            cipher.Sm4!.Value!.Decrypt(nonce, encrypted, tag, plain, cipher.AssociatedData);
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// A key for sealing files (uploads and reports that hold personal data), derived from a
    /// personal-data key so that the same configuration, and the same rotation, covers both.
    /// Sealed files are AES-256-GCM whatever the key's own algorithm: HKDF stretches a 16-byte SM4 key too.
    /// </summary>
    public byte[] FileKey(string keyId) =>
        _keys.TryGetValue(keyId, out var key)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "workershome-sealed-files"u8.ToArray())
            : throw new CryptographicException($"Unknown personal-data key id '{keyId}'.");

    /// <summary>Keyed hash for exact lookup; the same input always gives the same value.</summary>
    public string BlindIndex(string value)
    {
        var hmac = _hmac.Value!;
        var trimmed = value.AsSpan().Trim();
        // Upper-cased on the stack: the X check character of an ID number must hash the same either way.
        var upper = trimmed.Length <= 64 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        trimmed.ToUpperInvariant(upper);
        var length = Encoding.UTF8.GetByteCount(upper);
        var bytes = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(upper, bytes);
        hmac.AppendData(bytes);
        Span<byte> hash = stackalloc byte[32];
        hmac.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    private static string AlgorithmOf(PrivacyOptions options, string keyId)
    {
        if (!options.Algorithms.TryGetValue(keyId, out var name) || string.IsNullOrWhiteSpace(name))
        {
            return Aes256Gcm;
        }

        return name.Trim() switch
        {
            var n when n.Equals(Aes256Gcm, StringComparison.OrdinalIgnoreCase) => Aes256Gcm,
            var n when n.Equals(Sm4GcmName, StringComparison.OrdinalIgnoreCase) => Sm4GcmName,
            _ => throw new InvalidOperationException(
                $"Privacy:Algorithms:{keyId} is '{name}', which is no known algorithm; use {Aes256Gcm} or {Sm4GcmName}."),
        };
    }

    private static byte[] DecodeKey(string setting, string base64, int size, string purpose)
    {
        byte[] key;
        try
        {
            key = string.IsNullOrWhiteSpace(base64) ? [] : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not valid base64; it must be {size} random bytes in base64 {purpose}.");
        }

        return key.Length == size
            ? key
            : throw new InvalidOperationException($"{setting} must be {size} bytes in base64 {purpose}, but is {key.Length} bytes.");
    }

    private static byte[] DecodeKey(string keyId, string base64, string algorithm) => algorithm == Sm4GcmName
        ? DecodeKey($"Privacy:Keys:{keyId}", base64, Sm4Gcm.KeySize, $"for {Sm4GcmName} (Privacy:Algorithms:{keyId})")
        : DecodeKey($"Privacy:Keys:{keyId}", base64, 32, $"for {Aes256Gcm} (the default unless Privacy:Algorithms:{keyId} names another)");

    /// <summary>The per-thread cipher of one key (exactly one of the two is set) and its key id as associated data.</summary>
    private sealed record KeyCipher(ThreadLocal<AesGcm>? Aes, ThreadLocal<Sm4Gcm>? Sm4, byte[] AssociatedData)
    {
        public static KeyCipher Create(string keyId, byte[] key, string algorithm) => algorithm == Sm4GcmName
            ? new(null, new ThreadLocal<Sm4Gcm>(() => new Sm4Gcm(key)), Encoding.ASCII.GetBytes(keyId))
            : new(new ThreadLocal<AesGcm>(() => new AesGcm(key, TagSize)), null, Encoding.ASCII.GetBytes(keyId));
    }
}

public static class Mask
{
    /// <summary>138****5678</summary>
    public static string Phone(string phone) =>
        phone.Length == 11 ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7)) : new string('*', phone.Length);

    /// <summary>王*国, 张* — what a merchant's till may show of a card holder.</summary>
    public static string Name(string name) => name.Length switch
    {
        0 => "",
        1 => name,
        2 => name[..1] + "*",
        _ => string.Concat(name.AsSpan(0, 1), new string('*', name.Length - 2), name.AsSpan(name.Length - 1)),
    };

    /// <summary>110105********1234</summary>
    public static string IdNumber(string id) =>
        id.Length > 10 ? string.Concat(id.AsSpan(0, 6), new string('*', id.Length - 10), id.AsSpan(id.Length - 4)) : new string('*', id.Length);
}