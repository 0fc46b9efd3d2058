using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Rights.Cases;

public sealed record TransferInput(int Version, long? ToOrgId, string? Reason);

/// <summary>
/// 转办: the case goes to another union, with a reason — down into the actor's subtree, up to a union above the one
/// handling it, or across to a sibling (through the common parent). The receiving union accepts it afresh.
/// </summary>
public sealed class TransferCase(AppDbContext db, CaseSteps steps, IOrgDirectory orgs, WorkCalendar calendar, CurrentCadre cadre)
{
    public async Task<RightsCase> ExecuteAsync(Guid id, TransferInput input, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.Transferred, input.Version, ct);
        var reason = CaseSteps.RequireNote(input.Reason, "请填写转办理由", "Give the reason for the transfer");
        var target = input.ToOrgId is { } to ? (await orgs.LineageAsync(to, ct)) : [];
        if (target.Count == 0 || !target[^1].IsActive || target[^1].Id == c.OrgId || !MayReceive(c, target[^1]))
        {
            new FieldErrors().Add(nameof(TransferInput.ToOrgId), "请选择可转办的单位：本级以下、上级或同级工会", "Choose a union the case may go to: below you, above, or a sibling")
                .ThrowIfAny();
        }

        var receiver = target[^1];
        var rule = await db.TimeLimitRules.AsNoTracking().FirstAsync(r => r.Kind == c.Kind && r.Complexity == c.Complexity, ct);
        c.TransferTo(receiver.Id, receiver.Path, steps.Now, (await calendar.LoadAsync(ct)).Deadline(steps.Now, rule.AcceptDays));
        await steps.SaveAsync(c, input.Version, CaseStepKind.Transferred, reason, ct, to: (receiver.Id, receiver.Name));
        return c;
    }

    /// <summary>Down (inside the actor's subtree), up (a union above the handling one), or a sibling of the handling union.</summary>
    private bool MayReceive(RightsCase c, OrgSummary receiver)
    {
        var down = cadre.Covers(receiver.Path);
        var up = c.OrgPath.StartsWith(receiver.Path, StringComparison.Ordinal);
        var parentOf = static (string path) => path[..(path.TrimEnd('/').LastIndexOf('/') + 1)];
        var sibling = parentOf(receiver.Path) == parentOf(c.OrgPath);
        return down || up || sibling;
    }
}
/// <summary>A union a case may be transferred to, and how it stands to the one handling it now.</summary>
public sealed record TransferTarget(long Id, string Name, string Relation);

/// <summary>The unions a handler may pass a case to: up the tree, across to a sibling, or down (at most a page of each).</summary>
public sealed class TransferTargets(IOrgDirectory orgs, CurrentCadre cadre)
{
    private const int Take = 200;

    public async Task<IReadOnlyList<TransferTarget>> ForAsync(long handlingOrgId, CancellationToken ct)
    {
        var lineage = await orgs.LineageAsync(handlingOrgId, ct);
        if (lineage.Count == 0)
        {
            return [];
        }

        var up = lineage.Take(lineage.Count - 1).Where(o => o.Level >= 1 && o.IsActive).Reverse()
            .Select(o => new TransferTarget(o.Id, o.Name, Platform.Localization.Loc.T("上级", "Up")));
        var across = lineage.Count > 1
            ? (await orgs.ChildrenAsync(lineage[^2].Id, Take, ct)).Where(o => o.Id != handlingOrgId)
                .Select(o => new TransferTarget(o.Id, o.Name, Platform.Localization.Loc.T("同级", "Sibling")))
            : [];
        var down = (await orgs.ChildrenAsync(handlingOrgId, Take, ct)).Where(o => cadre.Covers(o.Path))
            .Select(o => new TransferTarget(o.Id, o.Name, Platform.Localization.Loc.T("下级", "Down")));
        return [.. up, .. across, .. down];
    }
}