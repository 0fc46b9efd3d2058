using System.Security.Cryptography;

using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Cards.Tokens;

/// <summary>Signs a fresh, short-lived QR token for a usable card (callers check the card's status first).</summary>
public sealed class CardTokenIssuer(CardKeyRing keys, CardOptions options, TimeProvider clock)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid cardId)
    {
        var expiresAt = clock.GetUtcNow().AddSeconds(Math.Clamp(options.TokenSeconds, 30, 600));
        Span<byte> nonce = stackalloc byte[CardToken.NonceSize];
        RandomPool.Fill(nonce);
        var signer = keys.Signer;
        var token = CardToken.Write(keys.ActiveKeyId, cardId, expiresAt, nonce,
            body => signer.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        return (token, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()));
    }
}