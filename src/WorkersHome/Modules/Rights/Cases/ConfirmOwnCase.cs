using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>
/// The member's own word on a resolved complaint or request, on the phone: confirming the result closes the case;
/// not accepting it reopens it for the handler (the same as a not-satisfied callback).
/// </summary>
public sealed class ConfirmOwnCase(AppDbContext db, CaseSteps steps)
{
    public async Task<RightsCase> ExecuteAsync(Guid memberId, string? phoneHash, Guid caseId, int version, bool accepted, string? reason, CancellationToken ct)
    {
        var c = await db.RightsCases.IgnoreQueryFilters()
            .FirstOrDefaultAsync(x => x.Id == caseId && (x.MemberId == memberId || (phoneHash != null && x.PhoneHash == phoneHash)), ct) ?? throw new NotFoundException();
        if (accepted)
        {
            c.EnsureCan(CaseStepKind.Confirmed, version);
            c.Confirm(steps.Now);
            steps.Stage(c, version, CaseStepKind.Confirmed, Loc.T("当事人确认办理结果", "The member confirmed the result"), RightsCase.ByMember);
        }
        else
        {
            c.EnsureCan(CaseStepKind.CalledBack, version);
            var note = CaseSteps.RequireNote(reason, "请说明对办理结果不满意的原因", "Say why you do not accept the result");
            c.CallBack(Satisfaction.NotSatisfied, steps.Now);
            steps.Stage(c, version, CaseStepKind.CalledBack, Loc.T($"当事人不满意，案件重新办理：{note}", $"Not satisfied; the case is reopened: {note}"), RightsCase.ByMember);
        }

        await db.SaveChangesAsync(ct);
        return c;
    }
}