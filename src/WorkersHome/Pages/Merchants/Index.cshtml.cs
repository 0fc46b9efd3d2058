using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Merchants;
using WorkersHome.Modules.Merchants.Manage;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Merchants;

/// <summary>The union's partner merchants, and onboarding a new one.</summary>
public sealed class IndexModel(MerchantQueries queries, OnboardMerchant onboard) : OrgPageModel
{
    public IReadOnlyList<MerchantRow> Merchants { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? CreditCode { get; set; }

    [BindProperty]
    public MerchantCategory? Category { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public double? Latitude { get; set; }

    [BindProperty]
    public double? Longitude { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Merchants = await queries.ListAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var merchant = await onboard.ExecuteAsync(new MerchantInput(Name, CreditCode, Category, Address, Latitude, Longitude, null), ct);
        TempData["Notice"] = Loc.T($"商户“{merchant.Name}”已入驻，请添加优惠和收银账号", $"{merchant.Name} is on board; add its offers and till accounts");
        return RedirectToPage("/Merchants/Detail", new { id = merchant.Id });
    }, async () => Merchants = await queries.ListAsync(ct));
}