using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Assistance.Dashboard;

/// <summary>What a union reports by hand for a year's 送温暖 campaign: people it trained and people it helped back into work.</summary>
[OrgOwned(WhenUnionMoves.FollowsUnion, FollowsMerge = false, SubtreeFilter = false)]
public sealed class CampaignFigures
{
    public long Id { get; set; }

    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    public int Year { get; set; }

    public int Trained { get; set; }

    public int ReEmployed { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}