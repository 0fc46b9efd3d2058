using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Disbursement;

public sealed record NewBatch(long ProgramId, long OrgId, Guid RequestKey);

/// <summary>
/// A finance officer compiles a batch (编制代发批次) of the approved payments of one program waiting under one union;
/// each payment joins one batch only, and the request key makes a double click one batch.
/// </summary>
public sealed class CompileBatch(AppDbContext db, ProgramQueries programs, IOrgDirectory orgs, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public const int MaxBatchSize = 5_000;

    public async Task<PaymentBatch> ExecuteAsync(NewBatch request, CancellationToken ct)
    {
        var program = await programs.VisibleAsync(request.ProgramId, ct);
        var org = await orgs.FindInScopeAsync(request.OrgId, ct);
        if (org is null || !org.Path.StartsWith(program.OrgPath, StringComparison.Ordinal))
        {
            throw new NotFoundException();
        }

        if (await MadeAsync(request, ct) is { } made)
        {
            return made;
        }

        var path = org.Path;
        var ids = await db.Payments.Where(p => p.ProgramId == program.Id && p.Status == PaymentStatus.Pending && p.OrgPath.StartsWith(path))
            .OrderBy(p => p.Id).Select(p => p.Id).Take(MaxBatchSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            // A twin of this request may have committed its batch (and taken the payments) since the first look.
            if (await MadeAsync(request, ct) is { } twin)
            {
                return twin;
            }

            throw new ConflictException(Loc.T($"{org.Name}在本项目下没有待编批的支付", $"{org.Name} has no payments waiting for a batch in this program"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = new PaymentBatch
        {
            ProgramId = program.Id,
            OrgId = org.Id,
            OrgPath = org.Path,
            OrgName = org.Name,
            RequestKey = request.RequestKey,
            CreatedBy = cadre.UserName,
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };
        db.PaymentBatches.Add(batch);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A twin of this request made the batch first.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await db.PaymentBatches.AsNoTracking().FirstAsync(b => b.RequestKey == request.RequestKey, ct);
        }

        // Each payment joins one batch only: another batch made at the same moment takes the rest.
        await db.Payments.Where(p => ids.Contains(p.Id) && p.Status == PaymentStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.InBatch).SetProperty(p => p.BatchId, batch.Id), ct);
        var totals = await db.Payments.Where(p => p.BatchId == batch.Id).GroupBy(p => 1).Select(g => new { Count = g.Count(), Total = g.Sum(p => p.Amount) }).FirstOrDefaultAsync(ct);
        if (totals is null)
        {
            throw new ConflictException(Loc.T("这些支付已被另一批次编入，请刷新后再办理", "Another batch took these payments meanwhile; reload"));
        }

        (batch.ItemCount, batch.Total) = (totals.Count, totals.Total);
        audit.Record(DisbursementAuditActions.BatchCreated, "payment-batch", batch.Id.ToString(), batch.OrgPath, new { batch.ProgramId, batch.ItemCount, batch.Total });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return batch;
    }

    private Task<PaymentBatch?> MadeAsync(NewBatch request, CancellationToken ct) =>
        db.PaymentBatches.AsNoTracking().FirstOrDefaultAsync(b => b.RequestKey == request.RequestKey, ct);
}