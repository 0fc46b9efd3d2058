using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Merchants.Manage;

/// <summary>A till account for a merchant in the cadre's subtree: a unique user name and a password of 10 or more characters.</summary>
public sealed class AddMerchantStaff(AppDbContext db, MerchantsInScope merchants, AuditTrail audit, IPasswordHasher<MerchantStaff> hasher, TimeProvider clock)
{
    public async Task<MerchantStaff> ExecuteAsync(long merchantId, StaffInput input, CancellationToken ct)
    {
        var merchant = await merchants.FindAsync(merchantId, ct);
        var errors = new FieldErrors();
        var userName = input.UserName?.Trim() ?? "";
        if (userName.Length is < 3 or > 50 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            errors.Add("userName", "用户名为 3–50 位字母、数字或 . _ -", "The user name is 3–50 letters, digits or . _ -");
        }
        else if (await db.MerchantStaff.AnyAsync(s => s.UserName == userName, ct))
        {
            errors.Add("userName", "该用户名已被使用", "This user name is taken");
        }

        if ((input.Password?.Length ?? 0) < 10)
        {
            errors.Add("password", "密码至少 10 位", "The password needs at least 10 characters");
        }

        errors.ThrowIfAny();
        var staff = new MerchantStaff
        {
            MerchantId = merchant.Id,
            UserName = userName,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? userName : input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        staff.PasswordHash = hasher.HashPassword(staff, input.Password!);
        db.MerchantStaff.Add(staff);
        audit.Record(MerchantAuditActions.StaffAdded, "merchant", merchant.Id.ToString(), merchant.OrgPath, new { staff.UserName });
        await db.SaveChangesAsync(ct);
        return staff;
    }
}