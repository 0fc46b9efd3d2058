using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Merchants;

public enum MerchantCategory
{
    Dining = 1,
    Shopping = 2,
    Living = 3,
    Leisure = 4,
    Health = 5,
    Education = 6,
    Travel = 7,
    Other = 9,
}

/// <summary>A partner merchant (普惠商户) onboarded by a union, whose subtree's members enjoy its offers.</summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
public sealed class Merchant
{
    public long Id { get; set; }

    /// <summary>The onboarding union; its path puts the merchant in that union's cadres' scope.</summary>
    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    public string Name { get; set; } = "";

    public string CreditCode { get; set; } = "";

    public MerchantCategory Category { get; set; }

    public string Address { get; set; } = "";

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>A merchant that left the programme keeps its history; its tills no longer sign in or record.</summary>
    public bool IsActive { get; private set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }

    public static LocalizedText CategoryLabel(MerchantCategory category) => category switch
    {
        MerchantCategory.Dining => new("餐饮美食", "Dining"),
        MerchantCategory.Shopping => new("购物零售", "Shopping"),
        MerchantCategory.Living => new("生活服务", "Everyday services"),
        MerchantCategory.Leisure => new("文体旅游", "Leisure and travel"),
        MerchantCategory.Health => new("医疗健康", "Health"),
        MerchantCategory.Education => new("教育培训", "Education"),
        MerchantCategory.Travel => new("交通出行", "Transport"),
        _ => new("其他", "Other"),
    };
}

public enum DiscountKind
{
    /// <summary>A share of the sale, e.g. 10 = 10% off.</summary>
    Percent = 1,

    /// <summary>A fixed amount off, in yuan, never more than the sale.</summary>
    Amount = 2,
}

public enum UsageLimit
{
    Unlimited = 0,
    OncePerDay = 1,
    OncePerMonth = 2,
    OnceEver = 3,
}

/// <summary>What a merchant gives members: a percentage or an amount off, for a period, at most so often per member.</summary>
public sealed class Offer
{
    public long Id { get; set; }

    public long MerchantId { get; set; }

    public string Title { get; set; } = "";

    public DiscountKind Kind { get; set; }

    public decimal Value { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidTo { get; set; }

    public UsageLimit Limit { get; set; }

    /// <summary>A withdrawn offer is no longer shown or usable; recorded redemptions keep pointing at it.</summary>
    public bool IsActive { get; private set; } = true;

    public void Withdraw() => IsActive = false;

    public decimal DiscountOn(decimal sale) => Kind == DiscountKind.Percent
        ? Math.Round(sale * Value / 100m, 2, MidpointRounding.AwayFromZero)
        : Math.Min(Value, sale);

    public bool IsValidOn(DateOnly day) => IsActive && day >= ValidFrom && day <= ValidTo;

    /// <summary>Members of these groups only (model workers, hardship households); none means every member.</summary>
    public Members.Contracts.MemberGroups Groups { get; set; }

    public bool IsOpenTo(Members.Contracts.MemberGroups memberGroups) => Groups == Members.Contracts.MemberGroups.None || (Groups & memberGroups) != 0;

    /// <summary>The period a once-only offer counts in (China time), or null when it may be used without limit.</summary>
    public string? UsageKey(DateOnly chinaDay) => Limit switch
    {
        UsageLimit.OncePerDay => "d:" + chinaDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        UsageLimit.OncePerMonth => "m:" + chinaDay.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        UsageLimit.OnceEver => "ever",
        _ => null,
    };

    public LocalizedText Describe() => Kind == DiscountKind.Percent
        ? new($"{Title}：{Value:0.##}% 优惠{LimitZh}{GroupsZh}", $"{Title}: {Value:0.##}% off{LimitEn}{GroupsEn}")
        : new($"{Title}：立减 {Value:0.##} 元{LimitZh}{GroupsZh}", $"{Title}: {Value:0.##} yuan off{LimitEn}{GroupsEn}");

    private string GroupsZh => Groups == Members.Contracts.MemberGroups.None ? "" : "（限" + Members.Contracts.MemberGroupNames.Names(Groups).Zh + "）";

    private string GroupsEn => Groups == Members.Contracts.MemberGroups.None ? "" : " (" + Members.Contracts.MemberGroupNames.Names(Groups).En + " only)";

    private string LimitZh => Limit switch
    {
        UsageLimit.OncePerDay => "（每人每日限一次）",
        UsageLimit.OncePerMonth => "（每人每月限一次）",
        UsageLimit.OnceEver => "（每人限一次）",
        _ => "",
    };

    private string LimitEn => Limit switch
    {
        UsageLimit.OncePerDay => " (once a day per member)",
        UsageLimit.OncePerMonth => " (once a month per member)",
        UsageLimit.OnceEver => " (once per member)",
        _ => "",
    };
}

/// <summary>A cashier or manager of a merchant, signing in at the till; not a union cadre.</summary>
public sealed class MerchantStaff
{
    public long Id { get; set; }

    public long MerchantId { get; set; }

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public int FailedSignIns { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public bool IsDisabled { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether the account may try a password at <paramref name="now"/>: not disabled, not locked out.</summary>
    public bool MayTrySignInAt(DateTimeOffset now) => !IsDisabled && !(LockedUntil > now);

    /// <summary>
    /// A wrong password (or a merchant no longer active): the <paramref name="maxFailures"/>-th failure in a row locks the
    /// account for <paramref name="lockout"/> and starts the count again.
    /// </summary>
    public void RecordFailedSignIn(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        FailedSignIns++;
        if (FailedSignIns >= maxFailures)
        {
            (LockedUntil, FailedSignIns) = (now + lockout, 0);
        }
    }

    public void RecordSignIn() => FailedSignIns = 0;
}

/// <summary>One sale at a merchant with a member's discount: recorded once per shown card code.</summary>
[OrgOwned(WhenUnionMoves.FollowsUnion, UnionId = null)]
public sealed class Redemption
{
    public long Id { get; set; }

    public long MerchantId { get; set; }

    /// <summary>The merchant's union path, so that union statements roll up the tree.</summary>
    public string OrgPath { get; set; } = "";

    public long OfferId { get; set; }

    public Guid CardId { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>Hash of the shown token (<see cref="Cards.Contracts.CardPresentation"/>): unique, so a code pays once.</summary>
    public string PresentationKey { get; set; } = "";

    /// <summary>The period a limited offer was used in; unique per offer and member.</summary>
    public string? UsageKey { get; set; }

    public decimal SaleAmount { get; set; }

    public decimal Discount { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The business day of the sale in China time, which statements count by.</summary>
    public DateOnly Day { get; set; }

    public long StaffId { get; set; }

    public string HolderMasked { get; set; } = "";

    /// <summary>Added to the tree's figures already (<see cref="Till.RedemptionCounting"/>).</summary>
    public bool Counted { get; set; }
}