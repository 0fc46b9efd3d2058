using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Transfer;

/// <summary>The sending union confirms an accepted transfer: the membership moves now.</summary>
public sealed class ConfirmTransferAsSender(TransferSteps steps, TransferCompletion completion, CurrentCadre cadre)
{
    public async Task ExecuteAsync(Guid id, int version, CancellationToken ct)
    {
        var transfer = await steps.FindAsync(id, receiving: false, ct);
        transfer.EnsureCan(TransferStatus.Completed, version);
        await completion.CompleteAsync(transfer, version, cadre.UserName, ct);
    }
}