using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Merchants;
using WorkersHome.Modules.Merchants.Manage;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Merchants;

/// <summary>One merchant: its offers and till accounts, with forms to add each.</summary>
public sealed class DetailModel(MerchantQueries queries, AddOffer addOffer, AddMerchantStaff addStaff, TimeProvider clock) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public MerchantDetail Merchant { get; private set; } = null!;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DiscountKind? Kind { get; set; }

    [BindProperty]
    [FieldName("优惠额度", "Discount")]
    public decimal? Value { get; set; }

    [BindProperty]
    public DateOnly? ValidFrom { get; set; }

    [BindProperty]
    public DateOnly? ValidTo { get; set; }

    [BindProperty]
    public UsageLimit? Limit { get; set; }

    /// <summary>The groups ticked on the form; none ticked means every member.</summary>
    [BindProperty]
    public List<Modules.Members.Contracts.MemberGroups> Groups { get; set; } = [];

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        (ValidFrom, ValidTo) = (today, today.AddYears(1));
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostOfferAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        return AddOfferAsync(ct);
    }

    private Task<IActionResult> AddOfferAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await addOffer.ExecuteAsync(Id, new OfferInput(Title, Kind, Value, ValidFrom, ValidTo, Limit,
            Groups.Aggregate(Modules.Members.Contracts.MemberGroups.None, (all, g) => all | g)), ct);
        TempData["Notice"] = Loc.T("优惠已添加", "Offer added");
        return RedirectToPage(new { Id });
    }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostStaffAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var staff = await addStaff.ExecuteAsync(Id, new StaffInput(UserName, DisplayName, Password), ct);
        TempData["Notice"] = Loc.T($"收银账号 {staff.UserName} 已创建，请在 /shop/Login 登录", $"Till account {staff.UserName} created; it signs in at /shop/Login");
        return RedirectToPage(new { Id });
    }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct) => Merchant = await queries.GetAsync(Id, ct);
}