using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Merchants;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Pages.Merchants;

/// <summary>The union's statement of partner-merchant sales, per day or month, with an .xlsx export.</summary>
public sealed class StatementsModel(MerchantStatements statements) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public StatementPeriod Period { get; set; } = StatementPeriod.Day;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public Statement? Statement { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Statement = await statements.BuildAsync(Period, From, To, null, ct);
            (From, To) = (Statement.From, Statement.To);
        }
        catch (ValidationFailedException ex)
        {
            Error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
        }
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        File(MerchantStatements.Xlsx(await statements.BuildAsync(Period, From, To, null, ct)), MerchantStatements.XlsxType, "普惠商户对账单.xlsx");
}