using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Applications;

/// <summary>A filed application and, for a small desk claim that could not be decided on the spot, why it waits.</summary>
public sealed record FiledApplication(AssistanceApplication Application, LocalizedText? NotOnTheSpot);

/// <summary>
/// An assistance officer files an application for a member of their subtree at the union's desk; a small claim is
/// decided there and then when it may be.
/// </summary>
public sealed class FileApplicationForMember(
    AppDbContext db, IMemberDirectory members, ProgramQueries programs, ApplicationFiling filing, ApplicationDecisionRules rules, FinalApproval final,
    CurrentCadre cadre)
{
    public async Task<FiledApplication> ExecuteAsync(Guid memberId, ApplicationForm form, CancellationToken ct)
    {
        var member = await members.FindInScopeAsync(memberId, ct) ?? throw new NotFoundException();
        var program = await programs.VisibleAsync(form.ProgramId, ct);
        var (application, judgedBy) = await filing.FileAsync(member, program, form, cadre.UserName, ct);
        return new FiledApplication(application, judgedBy is null ? null : await PayOnTheSpotAsync(application, judgedBy, ct));
    }

    /// <summary>
    /// A small claim filed at the union's desk is decided there and then (当场审批): by the cadre who filed it, if they
    /// may decide it otherwise (level, registered identity, not their household) and the budget has room; else it
    /// waits for an approver like any other, and the clerk is told why.
    /// </summary>
    private async Task<LocalizedText?> PayOnTheSpotAsync(AssistanceApplication application, ProgramRules judgedBy, CancellationToken ct)
    {
        if (application.Status != ApplicationStatus.Submitted || judgedBy.OnTheSpotUpTo <= 0 || application.Amount > judgedBy.OnTheSpotUpTo)
        {
            return null;
        }

        try
        {
            await rules.EnsureMayDecideAsync(application, ct, onTheSpot: true);
            await final.ApproveAsync(application, new ApplicationDecision(application.Version, Loc.T("小额当场审批支付", "Small claim decided on the spot")), ct, judgedBy);
            return null;
        }
        catch (Exception ex) when (ex is ConflictException or ForbiddenException)
        {
            db.ChangeTracker.Clear();
            return new LocalizedText($"未能当场审批（{ex.Message}），已转交审批人办理", $"Not decided on the spot ({ex.Message}); it waits for an approver");
        }
    }
}