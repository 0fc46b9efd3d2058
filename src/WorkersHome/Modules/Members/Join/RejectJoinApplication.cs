using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Join;

/// <summary>The union's officer rejects an application with a reason, which the applicant reads on their page and receives by SMS.</summary>
public sealed class RejectJoinApplication(AppDbContext db, IOrgDirectory orgs, JoinSteps steps, CurrentCadre cadre, TimeProvider clock)
{
    public async Task ExecuteAsync(Guid id, int version, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            new FieldErrors().Add("reason", "请填写不予通过的原因", "Give the reason for the rejection").ThrowIfAny();
        }

        var why = reason!.Trim();
        var application = await db.JoinApplications.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        application.EnsureCan(JoinStatus.Rejected, version);
        var union = await orgs.PublicNameAsync(application.OrgId, ct) ?? "";
        steps.NotifyApplicant(application,
            Loc.T($"【网上职工之家】您申请加入{union}未通过审核，原因：{why}。", $"[WorkersHome] Your application to join {union} was not approved: {why}."),
            Loc.T("入会申请未通过", "Application not approved"),
            Loc.T($"您申请加入{union}未通过审核，原因：{why}。您可以修改后重新申请。", $"Your application to join {union} was not approved: {why}. You may apply again."), "/m/Join");
        application.Reject(version, why, cadre.UserName, clock.GetUtcNow());
        await steps.SaveDecisionAsync(application, version, ct);
    }
}