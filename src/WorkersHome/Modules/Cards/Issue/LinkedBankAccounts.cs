using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Cards.Issue;

/// <summary>
/// Reads the account linked to a member's card for the assistance payouts (发放到会员服务卡绑定账户). A frozen or
/// reported-lost card keeps its link: the bank account behind it is not lost with the plastic.
/// </summary>
public sealed class LinkedBankAccounts(AppDbContext db, PersonalDataProtector protector) : ILinkedBankAccounts
{
    public async Task<LinkedBankAccount?> FindAsync(Guid memberId, CancellationToken ct = default)
    {
        // The caller has checked the member (their own session, or a cadre's scope); a member has no cadre scope to filter by.
        var link = await db.MemberCards.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.MemberId == memberId && c.Status != CardStatus.Reissued && c.Status != CardStatus.Cancelled && c.BankAccountCipher != null)
            .Select(c => new { c.BankName, c.BankAccountCipher }).FirstOrDefaultAsync(ct);
        return link is null ? null : new LinkedBankAccount(link.BankName ?? "", protector.Decrypt(link.BankAccountCipher!));
    }
}