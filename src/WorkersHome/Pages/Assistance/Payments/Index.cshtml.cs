using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Assistance.Payments;

/// <summary>Finance's desk: payments waiting for a batch per program, the batches, and failed payments to retry or cancel.</summary>
[Authorize(Policy = AssistancePermissions.Pay)]
public sealed class IndexModel(DisbursementQueries queries, CompileBatch compile, RetryPayment retry, CancelPayment cancel, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty]
    public Guid RequestKey { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<PendingPayments> Pending { get; private set; } = [];

    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];

    public IReadOnlyList<PaymentRow> Failed { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostBatchAsync(long programId, CancellationToken ct)
    {
        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            var batch = await compile.ExecuteAsync(new NewBatch(programId, cadre.OrgId, RequestKey), ct);
            return RedirectToPage("Batch", new { id = batch.Id });
        }, () => LoadAsync(ct));
    }

    public Task<IActionResult> OnPostRetryAsync(long paymentId, CancellationToken ct) =>
        StepAsync(() => retry.ExecuteAsync(paymentId, ct), Loc.T("已重新排入待编批", "Back in the queue for the next batch"), ct);

    public Task<IActionResult> OnPostCancelAsync(long paymentId, CancellationToken ct) =>
        StepAsync(() => cancel.ExecuteAsync(paymentId, new PaymentAction(Reason), ct), Loc.T("已取消支付，预算占用已释放", "Cancelled; the hold went back to the budget"), ct);

    private Task<IActionResult> StepAsync(Func<Task> step, string done, CancellationToken ct) => StepAsync(true, step, done, null, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        RequestKey = Guid.NewGuid();
        Pending = await queries.PendingAsync(ct);
        Batches = await queries.BatchesAsync(null, ct);
        Failed = await queries.FailedAsync(ct);
    }
}