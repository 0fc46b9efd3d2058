using System.Security.Cryptography;

namespace WorkersHome.Modules.Cards.Tokens;

/// <summary>A published verification key in JWK form (RFC 7517/7518): what merchants cache to verify offline.</summary>
public sealed record CardPublicKey(string Kty, string Crv, string Kid, string X, string Y, string Use, string Alg);

/// <summary>
/// The card-token keys from configuration: the active private key signs; every key's public half verifies and is
/// published. ECDsa objects are not safe to share between threads, so each thread keeps its own per key.
/// </summary>
public sealed class CardKeyRing : IDisposable
{
    private readonly Dictionary<string, ECParameters> _publics;
    private readonly ECParameters _signing;
    private readonly ThreadLocal<Dictionary<string, ECDsa>> _verifiers;
    private readonly ThreadLocal<ECDsa> _signer;

    public CardKeyRing(CardOptions options)
    {
        if (options.SigningKeys.Count == 0)
        {
            throw new InvalidOperationException("Configure Cards:SigningKeys:<id> (base64 PKCS#8 ECDSA P-256 private keys) and Cards:ActiveSigningKeyId.");
        }

        var privates = new Dictionary<string, ECParameters>(StringComparer.Ordinal);
        foreach (var (id, value) in options.SigningKeys)
        {
            if (id.Length is < 1 or > 8 || !id.All(char.IsAsciiLetterOrDigit))
            {
                throw new InvalidOperationException($"Cards:SigningKeys:{id}: a key id is 1 to 8 letters or digits.");
            }

            privates[id] = Decode(id, value);
        }

        if (!privates.TryGetValue(options.ActiveSigningKeyId, out _signing))
        {
            throw new InvalidOperationException($"Cards:ActiveSigningKeyId '{options.ActiveSigningKeyId}' names no key in Cards:SigningKeys.");
        }

        ActiveKeyId = options.ActiveSigningKeyId;
        _publics = privates.ToDictionary(k => k.Key, k => new ECParameters { Curve = k.Value.Curve, Q = k.Value.Q }, StringComparer.Ordinal);
        PublicKeys = _publics.Select(k => new CardPublicKey("EC", "P-256", k.Key, Base64Url(k.Value.Q.X!), Base64Url(k.Value.Q.Y!), "sig", "ES256")).ToList();
        _verifiers = new ThreadLocal<Dictionary<string, ECDsa>>(() => new Dictionary<string, ECDsa>(StringComparer.Ordinal), trackAllValues: true);
        _signer = new ThreadLocal<ECDsa>(() => ECDsa.Create(_signing), trackAllValues: true);
    }

    public string ActiveKeyId { get; }

    public IReadOnlyList<CardPublicKey> PublicKeys { get; }

    public static CardKeyRing FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetSection("Cards").Get<CardOptions>() ?? new CardOptions());

    /// <summary>A new key for configuration, as the `cards new-key` command prints it.</summary>
    public static string NewPrivateKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportPkcs8PrivateKey());
    }

    public ECDsa Signer => _signer.Value!;

    /// <summary>This thread's verifier for <paramref name="keyId"/>, or null for a key that is not (or no longer) published.</summary>
    public ECDsa? VerifierFor(ReadOnlySpan<char> keyId)
    {
        var mine = _verifiers.Value!;
        var lookup = mine.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(keyId, out var verifier))
        {
            return verifier;
        }

        var id = keyId.ToString();
        if (!_publics.TryGetValue(id, out var parameters))
        {
            return null;
        }

        verifier = ECDsa.Create(parameters);
        mine[id] = verifier;
        return verifier;
    }

    public void Dispose()
    {
        foreach (var verifiers in _verifiers.Values)
        {
            foreach (var verifier in verifiers.Values)
            {
                verifier.Dispose();
            }
        }

        foreach (var signer in _signer.Values)
        {
            signer.Dispose();
        }

        _verifiers.Dispose();
        _signer.Dispose();
    }

    private static ECParameters Decode(string id, string value)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(value.Trim()), out _);
            var parameters = key.ExportParameters(includePrivateParameters: true);
            if (key.KeySize != 256 || !IsP256(parameters.Curve))
            {
                throw new InvalidOperationException($"Cards:SigningKeys:{id} is not a P-256 key.");
            }

            return parameters;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new InvalidOperationException($"Cards:SigningKeys:{id} is not a base64 PKCS#8 ECDSA private key.", ex);
        }
    }

    private static bool IsP256(ECCurve curve) =>
        curve.Oid.Value == "1.2.840.10045.3.1.7" || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}