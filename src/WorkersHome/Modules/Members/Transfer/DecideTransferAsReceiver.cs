using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Members.Transfer;

/// <summary>The receiving union accepts a requested transfer, or refuses it with a reason; the member is told either way.</summary>
public sealed class DecideTransferAsReceiver(AppDbContext db, IOrgDirectory orgs, TransferSteps steps, CurrentCadre cadre, TimeProvider clock)
{
    public async Task ExecuteAsync(Guid id, int version, bool accept, string? reason, CancellationToken ct)
    {
        var transfer = await steps.FindAsync(id, receiving: true, ct);
        var now = clock.GetUtcNow();
        if (accept)
        {
            transfer.Accept(version, now);
        }
        else
        {
            transfer.Refuse(version, reason, cadre.UserName, now);
            db.Counters.Add(transfer.ToPath, Metrics.TransferRefused, Metrics.Month(ChinaTime.DayOf(now)));
        }

        var toName = await orgs.PublicNameAsync(transfer.ToOrgId, ct) ?? "";
        await steps.NotifyMemberAsync(transfer.MemberId, accept ? Loc.T("转入工会已接收", "Transfer accepted")
                : Loc.T("会籍转接未被接收", "Transfer refused"),
            accept ? Loc.T($"{toName}已同意接收您的会籍，原工会确认后即完成转接。", $"{toName} accepted your membership; the move completes once your current union confirms.")
                : Loc.T($"{toName}未接收您的会籍转接，原因：{transfer.Reason}。", $"{toName} refused your transfer: {transfer.Reason}."), ct);
        await steps.SaveDecisionAsync(transfer, version, ct);
    }
}