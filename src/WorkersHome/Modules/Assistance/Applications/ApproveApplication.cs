using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Applications;

/// <summary>
/// An approver agrees to a waiting application: the first of two approvals when the amount needs two different
/// approvers, else the final one, which reserves the budget (<see cref="FinalApproval"/>).
/// </summary>
public sealed class ApproveApplication(ApplicationDecisionRules rules, FinalApproval final, ApplicationSteps steps, CurrentCadre cadre)
{
    public async Task ExecuteAsync(Guid id, ApplicationDecision decision, CancellationToken ct)
    {
        var application = await rules.WaitingAsync(id, decision.Version, ct);
        if (application.FirstApprover == cadre.UserName)
        {
            throw new ConflictException(Loc.T("您已审批过该申请，须由另一位审批人审批", "You approved this already; a second, different approver must"));
        }

        if (application.AwaitsFirstOfTwo)
        {
            application.ApproveFirst(cadre.UserName);
            await steps.SaveAsync(application, decision.Version, ApplicationStepKind.Approved,
                Loc.T("第一审批人同意，待第二审批人审批", "First approver agreed; waiting for the second"), ApplicationSteps.Trim(decision.Reason), ct);
            return;
        }

        await final.ApproveAsync(application, decision, ct);
    }
}