using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Merchants.Manage;

/// <summary>An offer of a merchant in the cadre's subtree: percentage or amount off, a validity period, how often a member may use it.</summary>
public sealed class AddOffer(AppDbContext db, MerchantsInScope merchants, AuditTrail audit)
{
    public async Task<Offer> ExecuteAsync(long merchantId, OfferInput input, CancellationToken ct)
    {
        var merchant = await merchants.FindAsync(merchantId, ct);
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
}