using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Merchants.Manage;

public sealed record MerchantInput(string? Name, string? CreditCode, MerchantCategory? Category, string? Address, double? Latitude, double? Longitude, long? OrgId);

/// <summary>An offer as entered; <paramref name="Groups"/> limits it to members of those groups (none: every member).</summary>
public sealed record OfferInput(string? Title, DiscountKind? Kind, decimal? Value, DateOnly? ValidFrom, DateOnly? ValidTo, UsageLimit? Limit,
    MemberGroups Groups = MemberGroups.None);

public sealed record StaffInput(string? UserName, string? DisplayName, string? Password);

public static class MerchantAuditActions
{
    public const string Onboarded = "merchant.onboarded";
    public const string OfferAdded = "merchant.offer-added";
    public const string StaffAdded = "merchant.staff-added";
}

/// <summary>The merchants the use cases act on: one in the cadre's subtree, or 404.</summary>
public sealed class MerchantsInScope(AppDbContext db)
{
    public async Task<Merchant> FindAsync(long merchantId, CancellationToken ct) =>
        await db.Merchants.FirstOrDefaultAsync(m => m.Id == merchantId, ct) ?? throw new NotFoundException();
}