using WorkersHome.Modules.Assistance.Disbursement;

namespace WorkersHome.Modules.Assistance;

internal static class DisbursementApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pay = app.MapGroup("/api/assistance/payments").WithTags("Assistance payments").RequireAuthorization(AssistancePermissions.Pay);
        pay.MapGet("/pending", (DisbursementQueries queries, CancellationToken ct) => queries.PendingAsync(ct))
            .WithSummary("Approved payments waiting for a batch in your subtree, per program");
        pay.MapGet("/failed", (DisbursementQueries queries, CancellationToken ct) => queries.FailedAsync(ct)).WithSummary("Failed payments to retry or cancel");
        pay.MapPost("/{id:long}/retry", async (long id, RetryPayment retry, CancellationToken ct) =>
        {
            await retry.ExecuteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Send a failed or reversed payment again in the next batch");
        pay.MapPost("/{id:long}/cancel", async (long id, PaymentAction action, CancelPayment cancel, CancellationToken ct) =>
        {
            await cancel.ExecuteAsync(id, action, ct);
            return TypedResults.NoContent();
        }).WithSummary("Give up a failed, reversed or unbatched payment (a reason); its hold returns to the budget");
        pay.MapPost("/{id:long}/reverse", async (long id, PaymentAction action, ReversePayment reverse, CancellationToken ct) =>
        {
            await reverse.ExecuteAsync(id, action, ct);
            return TypedResults.NoContent();
        }).WithSummary("Undo a paid payment (冲正, a reason): the money is held again to retry or cancel; reversing twice changes nothing");

        var batches = app.MapGroup("/api/assistance/batches").WithTags("Assistance payments").RequireAuthorization(AssistancePermissions.Pay);
        batches.MapGet("/", (long? programId, DisbursementQueries queries, CancellationToken ct) => queries.BatchesAsync(programId, ct));
        batches.MapGet("/{id:long}", (long id, DisbursementQueries queries, CancellationToken ct) => queries.BatchAsync(id, ct));
        batches.MapPost("/", async (NewBatch request, CompileBatch compile, DisbursementQueries queries, CancellationToken ct) =>
        {
            var batch = await compile.ExecuteAsync(request, ct);
            return TypedResults.Ok(await queries.BatchAsync(batch.Id, ct));
        }).WithSummary("Make a batch of the waiting payments of one program under one union (requestKey: once only)");
        batches.MapPost("/{id:long}/confirm", async (long id, BatchDecision decision, ConfirmBatch confirm, CancellationToken ct) =>
        {
            await confirm.ExecuteAsync(id, decision, ct);
            return TypedResults.NoContent();
        }).WithSummary("Finance confirms the batch (confirming twice changes nothing); at or above Disbursement:DualControlFromAmount not the compiler (403)");
        batches.MapPost("/{id:long}/send", async (long id, SendBatch send, CancellationToken ct) =>
            TypedResults.Ok(new { sent = await send.ExecuteAsync(id, ct) }))
            .WithSummary("Send a confirmed batch: its payments are sent to the bank and booked paid in the ledger; safe to repeat and to resume after a crash");
        batches.MapGet("/{id:long}/bank-file.xlsx", async (long id, BankFiles files, CancellationToken ct) =>
            TypedResults.File(await files.PaymentFileAsync(id, csv: false, ct), AssistanceApi.XlsxType, $"代发批次{id}.xlsx"))
            .Produces(StatusCodes.Status200OK, contentType: AssistanceApi.XlsxType).WithSummary("The bank payment file (批量代发: full account and ID numbers, amounts as text with two decimals); audited");
        batches.MapGet("/{id:long}/bank-file.csv", async (long id, BankFiles files, CancellationToken ct) =>
            TypedResults.File(await files.PaymentFileAsync(id, csv: true, ct), "text/csv; charset=utf-8", $"代发批次{id}.csv"))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").WithSummary("The same bank payment file as .csv (UTF-8 with BOM); audited");
        batches.MapPost("/{id:long}/results", async (long id, IReadOnlyList<PaymentResult> rows, ImportBankResults import, CancellationToken ct) =>
            TypedResults.Ok(await import.ExecuteAsync(id, rows, ct)))
            .WithSummary("The bank's results: credited payments become paid, returned ones are held again for retry or cancellation; importing twice changes nothing");
    }
}