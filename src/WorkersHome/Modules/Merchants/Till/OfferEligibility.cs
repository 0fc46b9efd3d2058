using WorkersHome.Modules.Members.Contracts;

namespace WorkersHome.Modules.Merchants.Till;

/// <summary>Which offers a card holder may use: shared by the till's check and its redemption.</summary>
internal static class OfferEligibility
{
    /// <summary>Group-limited offers need the member's groups, read (committed only, ADR 0010) only when such an offer is on the list.</summary>
    public static async Task<IReadOnlyList<Offer>> OpenToHolderAsync(IReadOnlyList<Offer> offers, Guid memberId, IMemberDirectory members, CancellationToken ct)
    {
        if (offers.All(o => o.Groups == MemberGroups.None))
        {
            return offers;
        }

        var groups = (await members.FindCheckedCommittedAsync(memberId, ct))?.Groups ?? MemberGroups.None;
        return offers.Where(o => o.IsOpenTo(groups)).ToList();
    }
}