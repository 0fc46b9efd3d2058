using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

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

/// <summary>A union administrator onboards merchants in their subtree, with offers and till accounts.</summary>
public sealed class MerchantDesk(AppDbContext db, IOrgDirectory orgs, CurrentCadre cadre, AuditTrail audit, IPasswordHasher<MerchantStaff> hasher, TimeProvider clock)
{
    public async Task<Merchant> OnboardAsync(MerchantInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add("name", "请填写商户名称（100 字以内）", "Enter the merchant's name (up to 100 characters)");
        }

        var credit = input.CreditCode?.Trim().ToUpperInvariant() ?? "";
        if (!CreditCode.IsValid(credit))
        {
            errors.Add("creditCode", "统一社会信用代码不正确（18 位，末位为校验码）", "The unified social credit code is wrong (18 characters, the last a check)");
        }
        else if (await db.Merchants.IgnoreQueryFilters().AnyAsync(m => m.CreditCode == credit, ct))
        {
            errors.Add("creditCode", "该统一社会信用代码的商户已入驻", "A merchant with this credit code is already on board");
        }

        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            errors.Add("category", "请选择商户类别", "Choose a category");
        }

        var address = input.Address?.Trim() ?? "";
        if (address.Length is 0 or > 200)
        {
            errors.Add("address", "请填写地址（200 字以内）", "Enter the address (up to 200 characters)");
        }

        // Within China's extent, so that a swapped or mistyped pair shows up here and not on the map.
        if (input.Latitude is not (>= 3 and <= 54) || input.Longitude is not (>= 73 and <= 136))
        {
            errors.Add("latitude", "请填写有效的经纬度（纬度 3–54，经度 73–136）", "Enter valid coordinates (latitude 3–54, longitude 73–136)");
        }

        var union = await orgs.FindInScopeAsync(input.OrgId ?? cadre.OrgId, ct);
        if (union is null)
        {
            errors.Add("orgId", "所属工会不存在或不在您的管辖范围内", "The union does not exist or is outside your part of the tree");
        }

        errors.ThrowIfAny();
        var merchant = new Merchant
        {
            OrgId = union!.Id,
            OrgPath = union.Path,
            Name = name,
            CreditCode = credit,
            Category = input.Category!.Value,
            Address = address,
            Latitude = input.Latitude!.Value,
            Longitude = input.Longitude!.Value,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Merchants.Add(merchant);
        await db.SaveChangesAsync(ct);
        audit.Record(MerchantAuditActions.Onboarded, "merchant", merchant.Id.ToString(), merchant.OrgPath, new { merchant.Name, merchant.CreditCode });
        await db.SaveChangesAsync(ct);
        return merchant;
    }

    public async Task<Offer> AddOfferAsync(long merchantId, OfferInput input, CancellationToken ct)
    {
        var merchant = await FindAsync(merchantId, ct);
        var errors = new FieldErrors();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 100)
        {
            errors.Add("title", "请填写优惠名称（100 字以内）", "Enter the offer's title (up to 100 characters)");
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "请选择优惠方式", "Choose the kind of discount");
        }
        else if (kind == DiscountKind.Percent && input.Value is not (> 0 and < 100))
        {
            errors.Add("value", "折扣比例应大于 0 且小于 100（常见 5–20）", "The percentage must be above 0 and below 100 (5–20 is usual)");
        }
        else if (kind == DiscountKind.Amount && input.Value is not (> 0 and <= 100_000))
        {
            errors.Add("value", "立减金额应为大于 0、不超过 100000 元的金额", "The amount off must be above 0 and at most 100000 yuan");
        }

        if (input.ValidFrom is not { } from || input.ValidTo is not { } to || to < from)
        {
            errors.Add("validTo", "请填写有效期，结束日期不早于开始日期", "Enter the validity period; it cannot end before it starts");
        }

        if (input.Limit is not { } limit || !Enum.IsDefined(limit))
        {
            errors.Add("limit", "请选择使用次数限制", "Choose how often a member may use it");
        }

        if (!MemberGroupNames.IsKnown(input.Groups))
        {
            errors.Add("groups", "会员群体不正确", "Unknown member group");
        }

        errors.ThrowIfAny();
        var offer = new Offer
        {
            MerchantId = merchant.Id,
            Title = title,
            Kind = input.Kind!.Value,
            Value = Math.Round(input.Value!.Value, 2),
            ValidFrom = input.ValidFrom!.Value,
            ValidTo = input.ValidTo!.Value,
            Limit = input.Limit!.Value,
            Groups = input.Groups,
        };
        db.Offers.Add(offer);
        audit.Record(MerchantAuditActions.OfferAdded, "merchant", merchant.Id.ToString(), merchant.OrgPath, new { offer.Title, offer.Kind, offer.Value, offer.Limit, offer.Groups });
        await db.SaveChangesAsync(ct);
        return offer;
    }

    public async Task<MerchantStaff> AddStaffAsync(long merchantId, StaffInput input, CancellationToken ct)
    {
        var merchant = await FindAsync(merchantId, ct);
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

    /// <summary>A merchant in the cadre's subtree, or 404.</summary>
    public async Task<Merchant> FindAsync(long merchantId, CancellationToken ct) =>
        await db.Merchants.FirstOrDefaultAsync(m => m.Id == merchantId, ct) ?? throw new NotFoundException();
}