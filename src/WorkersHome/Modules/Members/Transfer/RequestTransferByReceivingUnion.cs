using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Transfer;

/// <summary>The receiving union's officer starts a transfer into one of their unions, finding the person by full ID number anywhere in the country.</summary>
public sealed class RequestTransferByReceivingUnion(AppDbContext db, PersonalDataProtector protector, OpenTransfer open, CurrentCadre cadre)
{
    public async Task<MemberTransfer> ExecuteAsync(string? idNumber, long toOrgId, CancellationToken ct)
    {
        var idHash = string.IsNullOrWhiteSpace(idNumber) ? "" : protector.BlindIndex(idNumber);
        var memberId = await db.Members.IgnoreQueryFilters().Where(m => m.IdHash == idHash && m.Status == MembershipStatus.Active).Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(ct);
        if (memberId is null)
        {
            new FieldErrors().Add("idNumber", "未找到该证件号码的在册会员", "No active member has this ID number").ThrowIfAny();
        }

        return await open.OpenAsync(memberId!.Value, toOrgId, requireTargetInScope: true, cadre.UserName, ct);
    }
}