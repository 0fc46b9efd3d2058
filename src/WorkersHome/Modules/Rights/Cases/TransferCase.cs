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
        c.TransferTo(receiver.Id, receiver.Path, (await calendar.LoadAsync(ct)).Deadline(steps.Now, rule.AcceptDays));
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