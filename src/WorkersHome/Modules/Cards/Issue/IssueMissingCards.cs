using WorkersHome.Modules.Cards.Browse;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Cards.Issue;

/// <summary>How far one run got: cards issued now, and members of the subtree still without a card afterwards.</summary>
public sealed record BulkIssueResult(int Issued, long StillWithout, bool Finished);

/// <summary>
/// 为本单位未发卡会员批量发卡: a card for every member of a union's subtree whose membership counts and who has none.
/// It works in batches, each committed on its own, so a large union is done over several runs that each pick up where
/// the last one stopped (members who got a card are skipped); the one-live-card index makes two runs at once, or a run
/// racing a member's first sign-in, issue one card per member.
/// </summary>
public sealed class IssueMissingCards(IssueCardBatch issueBatch, IMemberDirectory members, IOrgDirectory orgs, CardFigures figures)
{
    public const int BatchSize = 500;

    /// <summary>At most this many cards per run, so that a request for a whole city returns and shows its progress.</summary>
    public const int DefaultLimit = 10_000;

    public async Task<BulkIssueResult> ExecuteAsync(long orgId, string actorName, int limit = DefaultLimit, int batchSize = BatchSize, CancellationToken ct = default)
    {
        var org = await orgs.FindInScopeAsync(orgId, ct) ?? throw new NotFoundException();
        var reason = Loc.T("批量发卡", "Issued in bulk");
        var issued = 0;
        Guid? after = null;
        var finished = false;
        while (issued < limit)
        {
            var page = await members.CountingPageAsync(org.Path, after, batchSize, ct);
            if (page.Count == 0)
            {
                finished = true;
                break;
            }

            issued += (await issueBatch.ExecuteAsync(page, org.Path, actorName, reason, ct)).Count;
            after = page[^1].Id;
        }

        var without = (await figures.ForOrgAsync(orgId, ct)).WithoutCard;
        return new BulkIssueResult(issued, without, finished || without == 0);
    }
}