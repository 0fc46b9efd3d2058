using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Browse;

namespace WorkersHome.Pages.Assistance.Applications;

/// <summary>Applications in the cadre's subtree, those waiting first, and filing one for a member.</summary>
[Authorize(Policy = AssistancePermissions.View)]
public sealed class IndexModel(ApplicationQueries queries, ProgramQueries programs, MemberQueries members) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? ProgramId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Waiting { get; set; }

    /// <summary>An applicant's name to filter by; like every search a person could type a number into, it comes by POST only.</summary>
    [BindProperty]
    public string? Q { get; set; }

    /// <summary>A member's name (or full ID/mobile number) to apply for: by POST only, never in the address.</summary>
    [BindProperty]
    public string? Member { get; set; }

    public IReadOnlyList<ApplicationRow> Applications { get; private set; } = [];

    public IReadOnlyList<ProgramRow> Programs { get; private set; } = [];

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public int WaitingForMe { get; private set; }

    /// <summary>The searches are posted and the results shown in the answer, so no name or number reaches an address.</summary>
    public Task OnPostAsync(CancellationToken ct) => OnGetAsync(ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Programs = await programs.ListAsync(ct);
        Applications = await queries.ListAsync(new ApplicationFilter(ProgramId, null, Waiting, Q), ct);
        WaitingForMe = await queries.WaitingForMeAsync(ct);
        if (!string.IsNullOrWhiteSpace(Member))
        {
            Members = (await members.ListAsync(new MemberFilter { Search = Member.Trim(), Take = 20 }, ct)).Rows;
        }
    }
}