using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Cards.Issue;

public sealed record BankLinkRequest(string? BankName, string? AccountNumber, int Version);

public static class BankLinkAuditActions
{
    public const string Linked = "card.bank-linked";
    public const string Unlinked = "card.bank-unlinked";
}

/// <summary>
/// Links a co-branded bank card (联名卡) to a member card: the bank from the province's partner list and the account
/// number, which is kept encrypted (assistance payments go to it) and shown only as its last four digits.
/// </summary>
public sealed class BankCardLinks(AppDbContext db, PersonalDataProtector protector, CardOptions options, AuditTrail audit, TimeProvider clock)
{
    public IReadOnlyList<string> Banks => options.CoBrandedBanks;

    public async Task LinkAsync(MemberCard card, BankLinkRequest request, string actorName, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var bank = request.BankName?.Trim();
        if (string.IsNullOrEmpty(bank) || !options.CoBrandedBanks.Contains(bank))
        {
            errors.Add(nameof(BankLinkRequest.BankName), "请选择发卡银行", "Choose the issuing bank");
        }

        var account = new string((request.AccountNumber ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (account.Length is < 16 or > 19 || !account.All(char.IsAsciiDigit))
        {
            errors.Add(nameof(BankLinkRequest.AccountNumber), "银行卡号应为 16–19 位数字", "The bank card number has 16 to 19 digits");
        }
        else if (CardNumber.CheckDigit(account.AsSpan(0, account.Length - 1)) != account[^1])
        {
            errors.Add(nameof(BankLinkRequest.AccountNumber), "银行卡号校验位不正确，请核对", "The bank card number's check digit is wrong; check it");
        }

        errors.ThrowIfAny();
        EnsureCurrent(card, request.Version);
        card.SetBankCard(bank, account[^4..], protector.Encrypt(account), clock.GetUtcNow());
        await SaveAsync(card, request.Version, BankLinkAuditActions.Linked, actorName, ct);
    }

    public async Task UnlinkAsync(MemberCard card, int version, string actorName, CancellationToken ct)
    {
        EnsureCurrent(card, version);
        card.SetBankCard(null, null, null, clock.GetUtcNow());
        await SaveAsync(card, version, BankLinkAuditActions.Unlinked, actorName, ct);
    }

    /// <summary>A stale version answers 409 here; a void card is refused by the card itself (<see cref="MemberCard.SetBankCard"/>).</summary>
    private static void EnsureCurrent(MemberCard card, int version)
    {
        if (card.IsLive && card.Version != version)
        {
            throw Stale();
        }
    }

    private async Task SaveAsync(MemberCard card, int version, string action, string actorName, CancellationToken ct)
    {
        db.Entry(card).Property(c => c.Version).OriginalValue = version;
        audit.Record(action, "card", card.Id.ToString(), card.OrgPath, new { card = CardNumber.Masked(card.Number), bank = card.BankName, last4 = card.BankCardLast4 },
            actorName: actorName);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale();
        }
    }

    private static ConflictException Stale() => new(Loc.T("会员卡信息已变化，请刷新后再试", "The card changed meanwhile; reload and try again"));
}