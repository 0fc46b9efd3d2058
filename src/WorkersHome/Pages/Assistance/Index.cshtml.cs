using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.Browse;

namespace WorkersHome.Pages.Assistance;

/// <summary>The hardship archive of the cadre's subtree: files by status, reviews falling due, the ledger, and filing for a member.</summary>
[Authorize(Policy = AssistancePermissions.View)]
public sealed class IndexModel(HardshipQueries queries, MemberQueries members) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public HardshipStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Due { get; set; }

    /// <summary>A name to filter by; like every search a person could type a number into, it comes by POST only.</summary>
    [BindProperty]
    public string? Q { get; set; }

    /// <summary>A member's name (or full ID/mobile number) to file for: by POST only, never in the address.</summary>
    [BindProperty]
    public string? Member { get; set; }

    public IReadOnlyList<HardshipRow> Files { get; private set; } = [];

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public (int Submitted, int Proposed, int Due) Waiting { get; private set; }

    public string ExportQuery => $"status={Status}&due={Due.ToString().ToLowerInvariant()}";

    /// <summary>The searches are posted and the results shown in the answer, so no name or number reaches an address.</summary>
    public Task OnPostAsync(CancellationToken ct) => OnGetAsync(ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Files = await queries.ListAsync(new HardshipFilter(Status, Due, Q), ct);
        Waiting = await queries.WaitingAsync(ct);
        if (!string.IsNullOrWhiteSpace(Member))
        {
            Members = (await members.ListAsync(new MemberFilter { Search = Member.Trim(), Take = 20 }, ct)).Rows;
        }
    }
}