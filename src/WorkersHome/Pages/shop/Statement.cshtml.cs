using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Merchants;
using WorkersHome.Modules.Merchants.Till;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.shop;

/// <summary>The merchant's own sales with member discounts: this month per day, or this year per month.</summary>
public sealed class StatementModel(MerchantStatements statements, TimeProvider clock) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public StatementPeriod Period { get; set; } = StatementPeriod.Day;

    public Statement Statement { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var from = Period == StatementPeriod.Day ? new DateOnly(today.Year, today.Month, 1) : new DateOnly(today.Year, 1, 1);
        Statement = await statements.BuildAsync(Period, from, today, TillAuthentication.Of(User).MerchantId, ct);
    }
}