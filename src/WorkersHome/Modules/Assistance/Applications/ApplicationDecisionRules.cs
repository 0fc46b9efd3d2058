using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Applications;

/// <summary>
/// Who may decide a waiting application (separation of duties): the right level, a registered identity outside the
/// household, not the clerk who filed it. The decisions run these checks, and the page asks them to offer the buttons
/// only to those they would not refuse.
/// </summary>
public sealed class ApplicationDecisionRules(AppDbContext db, Organizations.Contracts.IOrgDirectory orgs, CurrentCadre cadre)
{
    /// <summary>
    /// Why the signed-in cadre may not approve or reject this waiting application (null: they may): the very checks a
    /// decision runs, asked by the page so that it offers the buttons only to those they would not refuse.
    /// </summary>
    public async Task<string?> WhyNotDecideAsync(Guid id, CancellationToken ct)
    {
        if (!cadre.Has(AssistancePermissions.Manage))
        {
            return Loc.T("您没有审批帮扶申请的权限", "You may not decide assistance applications");
        }

        var application = await db.AssistanceApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        return (await RefusalAsync(application, onTheSpot: false, ct))?.Message;
    }

    /// <summary>The waiting application in the cadre's subtree as the decider saw it at <paramref name="version"/>, checked that they may decide it.</summary>
    public async Task<AssistanceApplication> WaitingAsync(Guid id, int version, CancellationToken ct)
    {
        var application = await db.AssistanceApplications.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        application.Expect(version);
        await EnsureMayDecideAsync(application, ct);
        return application;
    }

    public async Task EnsureMayDecideAsync(AssistanceApplication application, CancellationToken ct, bool onTheSpot = false)
    {
        if (await RefusalAsync(application, onTheSpot, ct) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>The refusal a decision by the signed-in cadre would meet: 403 for the level or an unregistered identity, 409 for a conflict of interest.</summary>
    private async Task<Exception?> RefusalAsync(AssistanceApplication application, bool onTheSpot, CancellationToken ct)
    {
        var own = await orgs.FindInScopeAsync(cadre.OrgId, ct);
        if (own is null || own.Level > application.ApprovalLevel)
        {
            var level = ArchiveOptions.LevelName(application.ApprovalLevel);
            return new ForbiddenException(Loc.T($"该申请金额须由{level.Zh}及以上审批", $"This amount is approved by a {level.En} or above"));
        }

        var identity = await db.Users.Where(u => u.Id == cadre.UserId).Select(u => u.PersonIdHash).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(identity))
        {
            return new ForbiddenException(Loc.T("审批帮扶申请前，须由管理员在您的账号中登记本人身份证号（用于回避本人及家庭成员的申请）",
                "Before approving assistance, an administrator must register your own ID number on your account (so that you never decide your own or your household's application)"));
        }

        if (application.HouseholdIdHashes.Split(',').Contains(identity))
        {
            return new ConflictException(Loc.T("您是申请人本人或其家庭成员，须回避，不能审批该申请", "You are the applicant or in their household: you may not decide this application"));
        }

        if (application.FiledBy == cadre.UserName && !onTheSpot)
        {
            return new ConflictException(Loc.T("经办人不能审批自己代为提交的申请，请由另一位审批人办理", "You filed this application; another approver must decide it"));
        }

        return null;
    }
}