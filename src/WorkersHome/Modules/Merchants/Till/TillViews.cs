using System.Text.Json.Serialization;

using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Merchants.Till;

public sealed record TillOffer(long Id, string Description, DiscountKind Kind, decimal Value, bool UsedUp);

public sealed record TillCheck(CardCheck Card, IReadOnlyList<TillOffer> Offers)
{
    public string Reason => Loc.T(Card.ReasonZh, Card.ReasonEn);
}

/// <summary>A redemption a till recorded while offline; <paramref name="SaleAmount"/> is the purchase's amount.</summary>
public sealed record OfflineRedemption(string ClientId, string? Token, long OfferId, decimal SaleAmount, DateTimeOffset RecordedAt);

/// <summary>What became of one offline redemption; the recorded one travels as "sale", as it always has.</summary>
public sealed record OfflineRedemptionResult(string ClientId, bool Recorded, [property: JsonPropertyName("sale")] RedemptionView? Redemption, string? Error);

public sealed record RedemptionView(long Id, string HolderMasked, string Offer, decimal SaleAmount, decimal Discount, decimal Paid, DateTimeOffset At, bool Repeated)
{
    /// <summary>
    /// What the cashier reads when the code had already paid for a sale: that earlier sale's time and amount, not the
    /// amount just typed, and what to do for a new sale.
    /// </summary>
    public string AlreadyUsedNotice()
    {
        var at = ChinaTime.InChina(At).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return Loc.T($"此会员码已用于 {at} 的一笔 {SaleAmount:0.00} 元消费，未重复计入。如是新的消费，请让会员刷新二维码后重新扫码。",
            $"This code was already used for a sale of {SaleAmount:0.00} yuan at {at}; it is not counted again. For a new sale, ask the member to refresh the code and scan it again.");
    }
}