using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Assistance.Payments;

/// <summary>One batch: its payments, finance's confirmation, sending, the bank file, and the bank's results.</summary>
[Authorize(Policy = AssistancePermissions.Pay)]
[UploadLimit(AssistanceModule.BankResultsUpload, "Results")]
public sealed class BatchModel(DisbursementQueries queries, ConfirmBatch confirm, SendBatch send, ImportBankResults import, ReversePayment reverse) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public IFormFile? Results { get; set; }

    public BatchView Current { get; private set; } = null!;

    /// <summary>Why the signed-in officer may not confirm this batch (dual control), shown instead of the button; null when they may.</summary>
    public LocalizedText? WhyNotConfirm => confirm.WhyNotConfirm(Current.Batch.CreatedBy, Current.Batch.Total);

    public async Task OnGetAsync(CancellationToken ct) => Current = await queries.BatchAsync(Id, ct);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) =>
        StepAsync(() => confirm.ExecuteAsync(Id, new BatchDecision(Version), ct), Loc.T("批次已确认", "Batch confirmed"), ct);

    public Task<IActionResult> OnPostSendAsync(CancellationToken ct) =>
        StepAsync(async () => await send.ExecuteAsync(Id, ct), Loc.T("已发送银行：资金记为已支出，请下载代发文件提交银行，并在银行回单后导入结果", "Sent to the bank: booked as paid out; download the bank file for the bank and import its results when they come back"), ct);

    public Task<IActionResult> OnPostResultsAsync(CancellationToken ct) =>
        StepAsync(async () =>
        {
            await using var content = Results?.OpenReadStream() ?? Stream.Null;
            var imported = await import.ExecuteAsync(Id, BankFiles.ReadResults(content, Results?.FileName), ct);
            TempData["Notice"] = Loc.T($"银行结果已导入：{imported.Paid} 笔已到账，{imported.Failed} 笔被退回，已转入“支付失败”待处理",
                $"Results imported: {imported.Paid} paid, {imported.Failed} returned to retry or cancel");
        }, null, ct);

    /// <summary>冲正: the money came back after the batch was reported paid; the payment then waits on the payments page to be retried or cancelled.</summary>
    public Task<IActionResult> OnPostReverseAsync(long paymentId, string? reason, CancellationToken ct) =>
        StepAsync(() => reverse.ExecuteAsync(paymentId, new PaymentAction(reason), ct),
            Loc.T("已冲正：款项重新占用预算，可在“支付失败与冲正”中重新支付或取消", "Reversed: the money is held again; retry or cancel it under failed and reversed payments"), ct);

    private Task<IActionResult> StepAsync(Func<Task> step, string? done, CancellationToken ct) =>
        StepAsync(true, step, done, new { Id }, async () => Current = await queries.BatchAsync(Id, ct));
}