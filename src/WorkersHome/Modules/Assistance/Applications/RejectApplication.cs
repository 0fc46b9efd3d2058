using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Assistance.Applications;

/// <summary>An approver turns a waiting application down with a reason, which the member reads.</summary>
public sealed class RejectApplication(ApplicationDecisionRules rules, ApplicationSteps steps, TimeProvider clock)
{
    public async Task ExecuteAsync(Guid id, ApplicationDecision decision, CancellationToken ct)
    {
        var application = await rules.WaitingAsync(id, decision.Version, ct);
        var reason = ApplicationSteps.Trim(decision.Reason);
        if (reason is null)
        {
            new FieldErrors().Add(nameof(ApplicationDecision.Reason), "请填写不予批准的原因", "Give the reason for rejecting").ThrowIfAny();
        }

        application.Reject(clock.GetUtcNow());
        await steps.NotifyAsync(application, Loc.T("帮扶申请未获批准", "Assistance application rejected"),
            Loc.T($"您的帮扶申请未获批准，原因：{reason}", $"Your assistance application was rejected: {reason}"), ct);
        await steps.SaveAsync(application, decision.Version, ApplicationStepKind.Rejected, "", reason, ct);
    }
}