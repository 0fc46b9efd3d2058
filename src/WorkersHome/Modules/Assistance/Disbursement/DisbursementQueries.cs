using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Disbursement;

public sealed record BatchRow(long Id, long ProgramId, string ProgramName, string OrgName, BatchStatus Status, string StatusLabel, int ItemCount, decimal Total,
    string CreatedBy, DateTimeOffset CreatedAt, string? ConfirmedBy, DateTimeOffset? SentAt, int Version);

public sealed record PaymentRow(long Id, Guid ApplicationId, string PayeeName, string IdMasked, string BankName, string AccountMasked, decimal Amount,
    PaymentStatus Status, string StatusLabel, int Attempt, string? FailureReason, long? BatchId, bool ToCardAccount);

public sealed record BatchView(BatchRow Batch, IReadOnlyList<PaymentRow> Payments);

/// <summary>What waits for a batch, per program, in the cadre's subtree.</summary>
public sealed record PendingPayments(long ProgramId, string ProgramName, int Count, decimal Total);

public sealed class DisbursementQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<BatchRow>> BatchesAsync(long? programId, CancellationToken ct)
    {
        var query = db.PaymentBatches.AsNoTracking();
        if (programId is { } id)
        {
            query = query.Where(b => b.ProgramId == id);
        }

        return await RowsAsync(await query.OrderByDescending(b => b.Id).Take(200).ToListAsync(ct), ct);
    }

    public async Task<BatchView> BatchAsync(long id, CancellationToken ct)
    {
        var batch = await db.PaymentBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException();
        var payments = await db.Payments.AsNoTracking().Where(p => p.BatchId == id).OrderBy(p => p.Id).Take(CompileBatch.MaxBatchSize).ToListAsync(ct);
        return new BatchView((await RowsAsync([batch], ct))[0], payments.Select(Row).ToList());
    }

    public async Task<IReadOnlyList<PendingPayments>> PendingAsync(CancellationToken ct)
    {
        var pending = await db.Payments.AsNoTracking().Where(p => p.Status == PaymentStatus.Pending)
            .GroupBy(p => p.ProgramId).Select(g => new { ProgramId = g.Key, Count = g.Count(), Total = g.Sum(p => p.Amount) }).ToListAsync(ct);
        var ids = pending.Select(p => p.ProgramId).ToList();
        var names = await db.AssistancePrograms.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return pending.Select(p => new PendingPayments(p.ProgramId, names[p.ProgramId], p.Count, p.Total)).OrderBy(p => p.ProgramId).ToList();
    }

    /// <summary>Failed and reversed payments of the subtree, to retry or cancel.</summary>
    public async Task<IReadOnlyList<PaymentRow>> FailedAsync(CancellationToken ct) =>
        (await db.Payments.AsNoTracking().Where(p => p.Status == PaymentStatus.Failed || p.Status == PaymentStatus.Reversed).OrderBy(p => p.Id).Take(500).ToListAsync(ct)).Select(Row).ToList();

    private async Task<IReadOnlyList<BatchRow>> RowsAsync(IReadOnlyList<PaymentBatch> batches, CancellationToken ct)
    {
        var ids = batches.Select(b => b.ProgramId).Distinct().ToList();
        var names = await db.AssistancePrograms.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return batches.Select(b => new BatchRow(b.Id, b.ProgramId, names.GetValueOrDefault(b.ProgramId, ""), b.OrgName, b.Status, PaymentBatch.StatusLabel(b.Status).ToString(),
            b.ItemCount, b.Total, b.CreatedBy, b.CreatedAt, b.ConfirmedBy, b.SentAt, b.Version)).ToList();
    }

    private static PaymentRow Row(Payment p) => new(p.Id, p.ApplicationId, p.PayeeName, p.IdMasked, p.BankName, p.AccountMasked, p.Amount, p.Status,
        Payment.StatusLabel(p.Status).ToString(), p.Attempt, p.FailureReason, p.BatchId, p.ToCardAccount);
}