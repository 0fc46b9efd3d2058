using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Rights.Cases;

namespace WorkersHome.Pages.m;

/// <summary>
/// Anyone (a caller who phoned the hotline and has no account) looks a case up by its tracking number and the phone it
/// was filed with; a POST, so that the phone never reaches an address or a log.
/// </summary>
public sealed class TrackModel(CaseQueries queries) : PageModel
{
    [BindProperty]
    public string? TrackingNumber { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public MyCase? Found { get; private set; }

    public bool Searched { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        Searched = true;
        Found = await queries.LookupAsync(TrackingNumber, Phone, ct);
    }
}