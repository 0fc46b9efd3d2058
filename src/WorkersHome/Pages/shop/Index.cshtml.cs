using System.Security.Claims;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Merchants.Till;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Pages.shop;

/// <summary>The till: scan or type the member's code, see whether it is valid and which offers apply, record the sale.</summary>
public sealed class IndexModel(CheckCardAtTill check, RecordRedemption record) : PageModel
{
    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public long? OfferId { get; set; }

    [BindProperty]
    [FieldName("消费金额", "Sale amount")]
    public decimal? SaleAmount { get; set; }

    public TillCheck? Check { get; private set; }

    public RedemptionView? Recorded { get; private set; }

    public string? Error { get; private set; }

    public string MerchantName => User.FindFirstValue("wh:merchant-name") ?? "";

    public void OnGet()
    {
    }

    public async Task OnPostCheckAsync(CancellationToken ct) =>
        Check = await check.ExecuteAsync(TillAuthentication.Of(User).MerchantId, Token, ct);

    public async Task OnPostRedeemAsync(CancellationToken ct)
    {
        var (staffId, merchantId) = TillAuthentication.Of(User);
        if (ModelState[nameof(SaleAmount)] is { Errors.Count: > 0 } unreadable)
        {
            // "abc" or "1e308" binds to nothing; say so rather than "请填写消费金额".
            Error = unreadable.Errors[0].ErrorMessage;
            Check = await check.ExecuteAsync(merchantId, Token, ct);
            return;
        }

        try
        {
            Recorded = await record.ExecuteAsync(staffId, merchantId, Token, OfferId ?? 0, SaleAmount ?? 0, ct);
            // Ready for the next customer: the form shows the model, not what was posted.
            ModelState.Clear();
            (Token, OfferId, SaleAmount) = (null, null, null);
        }
        catch (ConflictException ex)
        {
            Error = ex.Message;
            Check = await check.ExecuteAsync(merchantId, Token, ct);
        }
        catch (ValidationFailedException ex)
        {
            Error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            Check = await check.ExecuteAsync(merchantId, Token, ct);
        }
    }
}