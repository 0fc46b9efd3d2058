using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Demo;

/// <summary>
/// The demo's hardship households are members, and the demo members arrive by a background import: this waits for
/// that import to finish and then fills the archive and issues the county's cards, once (a restart before then waits
/// again; an archive with files in it is left alone).
/// </summary>
public sealed class DemoHardshipLoop(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoHardshipLoop> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Demo:Seed", false))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await TrySeedAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The schema may still be in the making at the first start; try again at the next poll.
                log.LogDebug(ex, "Demo hardship households not seeded yet");
            }

            await Task.Delay(Poll, stoppingToken);
        }
    }

    /// <summary>True when there is nothing (more) to do: seeded now, seeded before, or not a demo database.</summary>
    private async Task<bool> TrySeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UseWholeTree();
        var import = await db.Set<MemberImport>().IgnoreQueryFilters().AsNoTracking().Where(i => i.FileName == DemoMembers.FileName)
            .Select(i => (ImportState?)i.State).FirstOrDefaultAsync(ct);
        if (import is null or ImportState.Failed)
        {
            return true;
        }

        if (import != ImportState.Completed)
        {
            return false;
        }

        var county = await db.OrgUnits.SingleAsync(o => o.Code == "410102", ct);
        if (!await db.HardshipFiles.IgnoreQueryFilters().AnyAsync(ct))
        {
            var home = await db.OrgUnits.SingleAsync(o => o.Id == db.Users.Where(u => u.UserName == "jiceng.assist").Select(u => u.OrgId).First(), ct);
            await scope.ServiceProvider.GetRequiredService<DemoHardship>().SeedAsync(county, home, ct);
            log.LogInformation("Demo hardship households seeded in {County}", county.Name);
        }

        if (!await db.MemberCards.IgnoreQueryFilters().AnyAsync(c => c.OrgPath.StartsWith(county.Path), ct))
        {
            // Cards otherwise appear only at a member's first phone sign-in: the county's members get theirs in bulk, as
            // its union would, so that the demo's card figures are not all zero (other counties show them as 未发卡).
            await using var cardScope = scopes.CreateAsyncScope();
            cardScope.ServiceProvider.GetRequiredService<AppDbContext>().UseWholeTree();
            var cards = await cardScope.ServiceProvider.GetRequiredService<Modules.Cards.Issue.IssueMissingCards>()
                .ExecuteAsync(county.Id, "demo", limit: int.MaxValue, ct: ct);
            log.LogInformation("Demo cards issued in {County}: {Count}", county.Name, cards.Issued);
        }

        return true;
    }
}