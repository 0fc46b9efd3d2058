using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Merchants.Manage;

/// <summary>入驻: a union administrator onboards a merchant in their subtree (credit code checked and unique, coordinates within China).</summary>
public sealed class OnboardMerchant(AppDbContext db, IOrgDirectory orgs, CurrentCadre cadre, AuditTrail audit, TimeProvider clock)
{
    public async Task<Merchant> ExecuteAsync(MerchantInput input, CancellationToken ct)
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
}