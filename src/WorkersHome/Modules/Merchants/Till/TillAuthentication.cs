using System.Security.Claims;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Merchants.Till;

/// <summary>
/// Merchant staff sign in at the till with their own cookie and pages (/shop): they are neither cadres nor members,
/// and see only their own merchant.
/// </summary>
public static class TillAuthentication
{
    public const string Scheme = "Merchant";
    public const string Policy = "MerchantStaff";
    public const string StaffIdClaim = "wh:staff";
    public const string MerchantIdClaim = "wh:merchant";
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static AuthenticationBuilder AddMerchantCookie(this AuthenticationBuilder builder) =>
        builder.AddSideCookie(Scheme, "wh.merchant", "/shop/Login", "/shop/Login", TimeSpan.FromHours(12));

    public static (long StaffId, long MerchantId) Of(ClaimsPrincipal user) =>
        (long.Parse(user.FindFirstValue(StaffIdClaim)!, System.Globalization.CultureInfo.InvariantCulture),
         long.Parse(user.FindFirstValue(MerchantIdClaim)!, System.Globalization.CultureInfo.InvariantCulture));

    public static ClaimsPrincipal Principal(MerchantStaff staff, string merchantName) =>
        new(new ClaimsIdentity(
        [
            new Claim(StaffIdClaim, staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(MerchantIdClaim, staff.MerchantId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, staff.DisplayName),
            new Claim("wh:merchant-name", merchantName),
        ], Scheme));
}

/// <summary>Checks a till's user name and password, with the same lockout as cadres (5 failures, 15 minutes).</summary>
public sealed class TillSignIn(AppDbContext db, IPasswordHasher<MerchantStaff> hasher, AuditTrail audit, TimeProvider clock)
{
    public async Task<ClaimsPrincipal?> SignInAsync(string? userName, string? password, CancellationToken ct)
    {
        var name = userName?.Trim() ?? "";
        var staff = await db.MerchantStaff.FirstOrDefaultAsync(s => s.UserName == name, ct);
        var now = clock.GetUtcNow();
        if (staff is null || !staff.MayTrySignInAt(now) || string.IsNullOrEmpty(password))
        {
            audit.Record(AuditActions.SignInFailed, "merchant-staff", name, succeeded: false, actorName: name);
            await db.SaveChangesAsync(ct);
            return null;
        }

        var merchant = await db.Merchants.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == staff.MerchantId, ct);
        if (!merchant.IsActive || hasher.VerifyHashedPassword(staff, staff.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            staff.RecordFailedSignIn(now, TillAuthentication.MaxFailedSignIns, TillAuthentication.LockoutDuration);

            audit.Record(AuditActions.SignInFailed, "merchant-staff", name, merchant.OrgPath, succeeded: false, actorName: name);
            await db.SaveChangesAsync(ct);
            return null;
        }

        staff.RecordSignIn();
        audit.Record(AuditActions.SignInSucceeded, "merchant-staff", name, merchant.OrgPath, actorName: name);
        await db.SaveChangesAsync(ct);
        return TillAuthentication.Principal(staff, merchant.Name);
    }
}