using System.Security.Cryptography;
using System.Text;

namespace WorkersHome.Modules.Cards.Contracts;

/// <summary>A presented card as a till may know it: valid or why not, and for a valid card whose it is (masked).</summary>
public sealed record CardCheck(
    bool Valid, string Verdict, string ReasonZh, string ReasonEn, Guid? CardId, Guid? MemberId, string? HolderMasked, string? CardNumberMasked);

public interface ICardChecker
{
    /// <summary>
    /// Verifies a QR token and, when it is valid, confirms the card and membership against the database: what a
    /// till relies on before recording a sale. The card and its holder are read as committed (on PostgreSQL on a
    /// connection of their own, not the caller's context).
    /// </summary>
    Task<CardCheck> CheckAsync(string token, CancellationToken ct = default);

    /// <summary>
    /// The same check as a till made it at <paramref name="at"/>, offline, for a sale it syncs later: the token must have
    /// been unexpired then, and the card usable then (a card revoked after that moment does not undo the sale).
    /// </summary>
    Task<CardCheck> CheckAsOfAsync(string token, DateTimeOffset at, CancellationToken ct = default);
}

public static class CardPresentation
{
    /// <summary>
    /// Names one showing of a card: every token is distinct (it carries a nonce), so the same token scanned twice,
    /// retried, or scanned by two tills at once has one key, and a sale is recorded against it once.
    /// </summary>
    public static string Key(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
}