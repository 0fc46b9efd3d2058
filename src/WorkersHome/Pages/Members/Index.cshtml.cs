using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Browse;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Members;

public sealed class IndexModel(MemberQueries members, CurrentCadre cadre) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public MembershipStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public EmploymentForm? Form { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Migrant { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? OrgId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public MemberPage Result { get; private set; } = new([], 0);

    public bool CanReveal => cadre.Has(MemberPermissions.Reveal);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await members.ListAsync(new MemberFilter
        {
            Search = Q,
            Status = Status,
            EmploymentForm = Form,
            Migrant = Migrant,
            OrgId = OrgId,
            Skip = Math.Max(0, Skip),
            Take = 50,
        }, ct);
}