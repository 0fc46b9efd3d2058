using System.Security.Cryptography;
using System.Text;

using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Cards.Tokens;

public enum CardVerdict
{
    Valid,
    Malformed,
    UnknownKey,
    BadSignature,
    Expired,
    Frozen,
    ReportedLost,
    Reissued,
    Cancelled,
}

public readonly record struct CardVerification(CardVerdict Verdict, Guid CardId, DateTimeOffset? ExpiresAt)
{
    public bool IsValid => Verdict == CardVerdict.Valid;

    public LocalizedText Reason => Verdict switch
    {
        CardVerdict.Valid => new("有效会员卡", "Valid member card"),
        CardVerdict.Malformed => new("无法识别的二维码", "Not a member card code"),
        CardVerdict.UnknownKey => new("签名密钥未知或已停用，请更新验证密钥", "Unknown or retired signing key; refresh the verification keys"),
        CardVerdict.BadSignature => new("签名无效，二维码可能被篡改", "Wrong signature: the code may have been tampered with"),
        CardVerdict.Expired => new("二维码已过期，请会员刷新后重新出示", "The code has expired; ask the member to refresh it"),
        CardVerdict.Frozen => new("会员卡已冻结", "The card is frozen"),
        CardVerdict.ReportedLost => new("会员卡已挂失", "The card has been reported lost"),
        CardVerdict.Reissued => new("会员卡已补换，旧卡失效", "The card was replaced; the old one is void"),
        _ => new("会员卡已注销", "The card is cancelled"),
    };

    public static CardVerdict VerdictFor(CardStatus status) => status switch
    {
        CardStatus.Active => CardVerdict.Valid,
        CardStatus.Frozen => CardVerdict.Frozen,
        CardStatus.ReportedLost => CardVerdict.ReportedLost,
        CardStatus.Reissued => CardVerdict.Reissued,
        _ => CardVerdict.Cancelled,
    };
}

/// <summary>What a verifier knows of cards that stopped being usable while their tokens may still be unexpired.</summary>
public interface ICardRevocationList
{
    /// <summary>The card's status if it is revoked (not active); null if usable as far as this list knows.</summary>
    CardStatus? RevokedStatusOf(Guid cardId);
}

/// <summary>
/// Checks a token exactly as a merchant's offline verifier does with the published keys and revocation list:
/// shape, key, signature, expiry, then revocation. Allocation-free on the hot path.
/// </summary>
public sealed class CardTokenVerifier(CardKeyRing keys, TimeProvider clock)
{
    /// <summary>Tolerance for a till whose clock runs behind or ahead.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(10);

    public CardVerification Verify(ReadOnlySpan<char> token, ICardRevocationList revocations) => Verify(token, revocations, clock.GetUtcNow());

    /// <summary>As a till saw the token at <paramref name="at"/> (a sale recorded offline and synced later).</summary>
    public CardVerification Verify(ReadOnlySpan<char> token, ICardRevocationList revocations, DateTimeOffset at)
    {
        Span<byte> buffer = stackalloc byte[CardToken.MaxTokenBytes + 3];
        if (!CardToken.TryRead(token, buffer, out var parts))
        {
            return new CardVerification(CardVerdict.Malformed, Guid.Empty, null);
        }

        Span<char> keyId = stackalloc char[parts.KeyId.Length];
        Encoding.ASCII.GetChars(parts.KeyId, keyId);
        var verifier = keys.VerifierFor(keyId);
        if (verifier is null)
        {
            return new CardVerification(CardVerdict.UnknownKey, Guid.Empty, null);
        }

        if (!verifier.VerifyData(parts.Body, parts.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return new CardVerification(CardVerdict.BadSignature, Guid.Empty, null);
        }

        if (at > parts.ExpiresAt + ClockSkew)
        {
            return new CardVerification(CardVerdict.Expired, parts.CardId, parts.ExpiresAt);
        }

        var revoked = revocations.RevokedStatusOf(parts.CardId);
        return new CardVerification(revoked is { } status ? CardVerification.VerdictFor(status) : CardVerdict.Valid, parts.CardId, parts.ExpiresAt);
    }
}