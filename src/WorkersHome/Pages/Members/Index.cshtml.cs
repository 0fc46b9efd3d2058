using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Browse;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Members;

/// <summary>
/// The member list. Searches travel in a POST body, never in the address: a search may be a full ID or
/// mobile number, and addresses end up in logs and browser history.
/// </summary>
public sealed class IndexModel(MemberQueries members, ExportMembers export, CurrentCadre cadre) : PageModel
{
    /// <summary>A name or a full ID/mobile number: bound from POST bodies only.</summary>
    [BindProperty]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public MembershipStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public EmploymentForm? Form { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Migrant { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? OrgId { get; set; }

    /// <summary>name, joined or age (see <see cref="MemberFilter.Sort"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>Next page: the rows after this member's row.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    /// <summary>Previous page: the rows before this member's row.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Before { get; set; }

    public MemberPage Result { get; private set; } = new([], 0);

    public bool CanReveal => cadre.Has(MemberPermissions.Reveal);

    public bool CanManage => cadre.Has(MemberPermissions.Manage);

    public bool CanManageCards => cadre.Has(Modules.Cards.CardPermissions.Manage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Links carry only non-personal filters (a node, a status); a name or number comes by POST.
        Q = null;
        Result = await members.ListAsync(Filter(), ct);
    }

    public async Task OnPostAsync(CancellationToken ct) => Result = await members.ListAsync(Filter(), ct);

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct) =>
        File(await export.XlsxAsync(Filter() with { After = null, Before = null }, ct), MembersApi.XlsxType, "会员名册.xlsx");

    private MemberFilter Filter() => new()
    {
        Search = Q,
        Status = Status,
        EmploymentForm = Form,
        Migrant = Migrant,
        OrgId = OrgId,
        Sort = Sort,
        After = After,
        Before = Before,
        Take = 50,
    };
}